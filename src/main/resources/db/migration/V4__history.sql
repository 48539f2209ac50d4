-- The user's own history, for the pipeline page and the persistence report: when each touch
-- happened (the conversation row keeps only the count and the last one), when auto-replies
-- paused a conversation, and a secret for the calendar feed lives in meta.

CREATE TABLE touch (
  conversation_id TEXT NOT NULL,
  number          INTEGER NOT NULL,
  at              INTEGER NOT NULL,
  PRIMARY KEY (conversation_id, number)
);

CREATE TABLE auto_reply (
  conversation_id TEXT NOT NULL,
  at              INTEGER NOT NULL,
  PRIMARY KEY (conversation_id, at)
);

-- What earlier versions knew: the outreach, and the last touch under its number.
INSERT OR IGNORE INTO touch (conversation_id, number, at)
  SELECT id, 1, started_at FROM conversation WHERE touches >= 1;
INSERT OR IGNORE INTO touch (conversation_id, number, at)
  SELECT id, touches, last_touch_at FROM conversation WHERE touches > 1;

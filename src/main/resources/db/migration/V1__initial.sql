-- Instants are epoch milliseconds (INTEGER), dates ISO-8601 text, lists JSON arrays.
-- No foreign keys: the engine may link a message or record a step before it saves the
-- conversation, and the in-memory store must behave the same.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE cursor (
  folder       TEXT PRIMARY KEY,
  uid_validity INTEGER NOT NULL,
  last_uid     INTEGER NOT NULL
);

CREATE TABLE conversation (
  id              TEXT PRIMARY KEY,
  contacts        TEXT NOT NULL,
  subject         TEXT NOT NULL,
  root_message_id TEXT NOT NULL,
  thread_id       TEXT,
  started_at      INTEGER NOT NULL,
  last_touch_at   INTEGER NOT NULL,
  last_message_id TEXT NOT NULL,
  last_references TEXT NOT NULL,
  last_text       TEXT NOT NULL,
  touches         INTEGER NOT NULL,
  steps_done      INTEGER NOT NULL,
  first_step_days INTEGER NOT NULL,
  paused_until    TEXT,
  status          TEXT NOT NULL,
  end_reason      TEXT,
  ended_at        INTEGER
);

CREATE INDEX conversation_status ON conversation (status);

CREATE TABLE message_link (
  message_id      TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL
);

CREATE TABLE step (
  secondcall_id   TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL,
  number          INTEGER NOT NULL,
  kind            TEXT NOT NULL,
  due_at          INTEGER NOT NULL,
  state           TEXT NOT NULL,
  prepared_at     INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL
);

CREATE INDEX step_state ON step (state);
CREATE INDEX step_prepared_at ON step (prepared_at);
CREATE INDEX step_conversation ON step (conversation_id, number);

CREATE TABLE digest_entry (
  key             TEXT PRIMARY KEY,
  conversation_id TEXT,
  kind            TEXT NOT NULL,
  text            TEXT NOT NULL,
  created_at      INTEGER NOT NULL,
  digest_id       TEXT
);

CREATE INDEX digest_entry_pending ON digest_entry (digest_id, created_at);

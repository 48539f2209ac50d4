-- Conversations carry the address the user wrote from and a version that guards against a
-- cycle overwriting a stop made meanwhile; mailing lists learned from inbound mail.

ALTER TABLE conversation ADD COLUMN me TEXT;
ALTER TABLE conversation ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

CREATE TABLE mailing_list (
  address    TEXT PRIMARY KEY,
  evidence   TEXT NOT NULL,
  learned_at INTEGER NOT NULL
);

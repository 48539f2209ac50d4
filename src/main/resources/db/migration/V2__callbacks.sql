-- Callback blocks booked in the user's calendar, and phone numbers learned from mail.

CREATE TABLE callback (
  block_id        TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL,
  step_id         TEXT,
  start_at        INTEGER NOT NULL,
  end_at          INTEGER NOT NULL,
  phone           TEXT,
  state           TEXT NOT NULL,
  updated_at      INTEGER NOT NULL
);

CREATE INDEX callback_conversation ON callback (conversation_id, start_at);
CREATE INDEX callback_state ON callback (state, start_at);

CREATE TABLE contact_phone (
  address    TEXT PRIMARY KEY,
  e164       TEXT NOT NULL
);

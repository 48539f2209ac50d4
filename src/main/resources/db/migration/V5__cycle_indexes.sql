-- What a cycle asks, answered from indexes so that its cost follows the changes, not the
-- history: active conversations in order, open steps by due time, steps changed recently, and
-- the rows of old ended conversations when they are archived.

CREATE INDEX conversation_status_started ON conversation (status, started_at);
CREATE INDEX conversation_ended ON conversation (ended_at);
CREATE INDEX step_state_due ON step (state, due_at);
CREATE INDEX step_state_updated ON step (state, updated_at);
CREATE INDEX digest_entry_conversation ON digest_entry (conversation_id);

-- The contacts of each conversation, to find the conversations a message may concern by its
-- sender's address or domain without reading them all; a conversation's contacts never change.
CREATE TABLE conversation_contact (
  conversation_id TEXT NOT NULL,
  address         TEXT NOT NULL,
  domain          TEXT NOT NULL,
  PRIMARY KEY (conversation_id, address)
);

CREATE INDEX conversation_contact_domain ON conversation_contact (domain);
CREATE INDEX conversation_contact_address ON conversation_contact (address);
CREATE INDEX conversation_thread ON conversation (thread_id, status);

-- Addresses are stored lower-case; the domain is what follows the last '@' (the rtrim strips
-- every character but '@' from the right).
INSERT OR IGNORE INTO conversation_contact (conversation_id, address, domain)
  SELECT c.id, json_extract(j.value, '$.address'),
    substr(json_extract(j.value, '$.address'), length(rtrim(json_extract(j.value, '$.address'),
      replace(json_extract(j.value, '$.address'), '@', ''))) + 1)
  FROM conversation c, json_each(c.contacts) j;

-- Prefixes of the indexes above: kept up to date on every write, used by no read.
DROP INDEX conversation_status;
DROP INDEX step_state;

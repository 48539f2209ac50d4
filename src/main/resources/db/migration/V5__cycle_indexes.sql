-- What a cycle asks, answered from indexes so that its cost follows the changes, not the
-- history: active conversations in order, open steps by due time, steps changed recently, and
-- the rows of old ended conversations when they are archived.

CREATE INDEX conversation_status_started ON conversation (status, started_at);
CREATE INDEX conversation_ended ON conversation (ended_at);
CREATE INDEX step_state_due ON step (state, due_at);
CREATE INDEX step_state_updated ON step (state, updated_at);
CREATE INDEX digest_entry_conversation ON digest_entry (conversation_id);

-- Prefixes of the indexes above: kept up to date on every write, used by no read.
DROP INDEX conversation_status;
DROP INDEX step_state;

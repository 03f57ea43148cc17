-- Live minutes (issue 16): the minutes of a meeting as one Yjs document that several organizers
-- write at once. Every change a browser sends is stored here, in order, before it is
-- acknowledged; the document is these rows applied together (Yjs merges them in any order).
-- The plain text per item (minutes_item) is derived from the document and stored beside its mark.
CREATE TABLE minutes_update (
    seq        bigserial PRIMARY KEY,
    meeting_id bigint NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    body       bytea NOT NULL CHECK (octet_length(body) BETWEEN 1 AND 4194304),
    account_id bigint REFERENCES account(id),
    created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX minutes_update_meeting ON minutes_update (meeting_id, seq);

-- The document's mark (a count that grows with every change it has taken in) when the stored
-- minutes text was derived from it: an older copy of the document never overwrites a newer text.
ALTER TABLE meeting ADD COLUMN minutes_doc_mark bigint;

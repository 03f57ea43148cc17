-- Postings read out at a meeting (求人情報の共有) belong to the meeting, not to one agenda row:
-- agenda rows are replaced whenever the agenda is saved, and the attachment must survive that.
DROP TABLE agenda_posting;
CREATE TABLE meeting_posting (
    meeting_id  bigint NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    posting_id  bigint NOT NULL REFERENCES posting(id) ON DELETE CASCADE,
    attached_by bigint REFERENCES account(id),
    attached_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (meeting_id, posting_id)
);
CREATE INDEX meeting_posting_posting ON meeting_posting (posting_id);

-- Posting search at national scale: the common filters as partial indexes on open postings, so
-- the planner can AND them with the text index instead of reading every row a word matches.
CREATE INDEX posting_open_prefecture ON posting (prefecture_code) WHERE status = 'OPEN';
CREATE INDEX posting_open_category ON posting (job_category) WHERE status = 'OPEN';

-- Sign-off before publication (issue 16, item 3): the organizers circulate the draft minutes to
-- the attendees for a set period; attendees comment on an item or propose wording (修正依頼); the
-- organizers accept or answer each; then publish. Published minutes say they were circulated and
-- until when.
ALTER TABLE meeting
    ADD COLUMN minutes_circulated_at    timestamptz,
    ADD COLUMN minutes_circulated_until timestamptz,
    ADD COLUMN minutes_circulated_by    bigint REFERENCES account(id),
    ADD CONSTRAINT meeting_minutes_circulation CHECK ((minutes_circulated_at IS NULL) = (minutes_circulated_until IS NULL)
        AND (minutes_circulated_until IS NULL OR minutes_circulated_until > minutes_circulated_at));

CREATE TABLE minutes_comment (
    id                bigserial PRIMARY KEY,
    meeting_id        bigint NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    item_position     smallint NOT NULL CHECK (item_position BETWEEN 1 AND 40),
    field             text NOT NULL CHECK (field IN ('theme', 'content', 'results')),
    kind              text NOT NULL CHECK (kind IN ('COMMENT', 'PROPOSAL')),
    body              text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
    proposed_text     text CHECK (proposed_text IS NULL OR length(proposed_text) <= 8000),
    author_account_id bigint REFERENCES account(id),
    created_at        timestamptz NOT NULL DEFAULT now(),
    status            text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'ACCEPTED', 'ANSWERED')),
    answer            text CHECK (answer IS NULL OR length(answer) <= 2000),
    resolved_by       bigint REFERENCES account(id),
    resolved_at       timestamptz,
    CHECK ((kind = 'PROPOSAL') = (proposed_text IS NOT NULL)),
    CHECK ((status = 'OPEN') = (resolved_at IS NULL)),
    CHECK (status <> 'ANSWERED' OR answer IS NOT NULL)
);
CREATE INDEX minutes_comment_meeting ON minutes_comment (meeting_id, id);

-- An attendee an organizer names to write the minutes with them (記録係): an invitee with an
-- account. The right ends when the organizer takes it back or the invitation is revoked.
ALTER TABLE meeting_invitee ADD COLUMN records_minutes boolean NOT NULL DEFAULT false;
ALTER TABLE meeting_invitee ADD COLUMN recorder_named_by bigint REFERENCES account (id);
ALTER TABLE meeting_invitee ADD COLUMN recorder_named_at timestamptz;
ALTER TABLE meeting_invitee ADD CONSTRAINT invitee_recorder_has_account CHECK (NOT records_minutes OR account_id IS NOT NULL);

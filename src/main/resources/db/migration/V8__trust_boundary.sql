-- Trust boundary: atomic sign-in throttling per client address, known clients, invitation
-- requests that an administrator approves, conference purge deadlines, expiring personal links
-- and revocable calendar feeds, co-host consent, mail caps.

-- Failed sign-ins per client address (any e-mail address), in a fixed window.
CREATE TABLE login_client_throttle (
    client       text PRIMARY KEY CHECK (length(client) <= 100),
    failures     integer NOT NULL DEFAULT 0 CHECK (failures >= 0),
    window_start timestamptz NOT NULL DEFAULT now()
);

-- Client addresses where an account signed in successfully: the address's delay and lock do not
-- apply there, so guessing someone's address cannot lock them out of their usual office.
CREATE TABLE login_known_client (
    email           text NOT NULL,
    client          text NOT NULL CHECK (length(client) <= 100),
    last_success_at timestamptz NOT NULL,
    PRIMARY KEY (email, client)
);

-- Invitations into another organization are requests until its administrator approves them; the
-- link (and so its hash and expiry) exists only once the invitation is SENT.
ALTER TABLE invitation ALTER COLUMN token_hash DROP NOT NULL;
ALTER TABLE invitation ALTER COLUMN expires_at DROP NOT NULL;
ALTER TABLE invitation ADD COLUMN status text NOT NULL DEFAULT 'SENT'
    CHECK (status IN ('REQUESTED', 'SENT', 'DECLINED'));
ALTER TABLE invitation ADD COLUMN decided_by bigint REFERENCES account(id);
ALTER TABLE invitation ADD COLUMN decided_at timestamptz;
ALTER TABLE invitation ADD CONSTRAINT invitation_sent_has_link
    CHECK (status <> 'SENT' OR (token_hash IS NOT NULL AND expires_at IS NOT NULL));
CREATE INDEX invitation_requested ON invitation (created_at) WHERE status = 'REQUESTED';

-- A conference's case material is deleted at a deadline fixed when material is first written: the
-- scheduled end plus the retention period. Afterwards an edit (a later date, a longer retention)
-- can only bring the deadline forward, never push it back; finishing the conference brings it to
-- at most the real end plus the retention period. Kept by triggers, so no code path can move it.
ALTER TABLE conference ADD COLUMN purge_after timestamptz;

CREATE FUNCTION conference_scheduled_purge(c conference) RETURNS timestamptz LANGUAGE sql IMMUTABLE AS $$
    SELECT c.starts_at + make_interval(mins => c.duration_minutes) + make_interval(days => c.retention_days)
$$;

CREATE FUNCTION conference_keep_purge_deadline() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.purge_after IS NOT NULL THEN
        NEW.purge_after := least(OLD.purge_after, coalesce(NEW.purge_after, OLD.purge_after),
                                 conference_scheduled_purge(NEW));
    END IF;
    IF NEW.finished_at IS NOT NULL THEN
        NEW.purge_after := least(coalesce(NEW.purge_after, 'infinity'::timestamptz),
                                 NEW.finished_at + make_interval(days => NEW.retention_days));
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER conference_purge_deadline BEFORE UPDATE ON conference
    FOR EACH ROW EXECUTE FUNCTION conference_keep_purge_deadline();

CREATE FUNCTION conference_fix_purge_deadline() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE conference c SET purge_after = conference_scheduled_purge(c)
     WHERE c.id = NEW.conference_id AND c.purge_after IS NULL;
    RETURN NEW;
END;
$$;
CREATE TRIGGER case_sheet_fixes_purge AFTER INSERT ON case_sheet
    FOR EACH ROW EXECUTE FUNCTION conference_fix_purge_deadline();
CREATE TRIGGER case_team_fixes_purge AFTER INSERT ON case_team_member
    FOR EACH ROW EXECUTE FUNCTION conference_fix_purge_deadline();
CREATE TRIGGER board_entry_fixes_purge AFTER INSERT ON board_entry
    FOR EACH ROW EXECUTE FUNCTION conference_fix_purge_deadline();
CREATE TRIGGER learning_fixes_purge AFTER INSERT ON learning
    FOR EACH ROW EXECUTE FUNCTION conference_fix_purge_deadline();

UPDATE conference c SET purge_after = conference_scheduled_purge(c)
 WHERE materials_deleted_at IS NULL AND (EXISTS (SELECT 1 FROM case_sheet s WHERE s.conference_id = c.id)
    OR EXISTS (SELECT 1 FROM board_entry b WHERE b.conference_id = c.id));
CREATE INDEX conference_purge_due ON conference (purge_after) WHERE materials_deleted_at IS NULL;

-- Meetings: the organization that created a meeting alone (with the secretariat) changes its
-- co-hosts, and an organization named as co-host runs nothing until it agrees.
ALTER TABLE meeting ADD COLUMN host_org_id bigint REFERENCES organization(id);
UPDATE meeting m SET host_org_id = coalesce(
    (SELECT min(o.organization_id) FROM meeting_organizer o JOIN membership ms ON ms.organization_id = o.organization_id
      WHERE o.meeting_id = m.id AND ms.account_id = m.created_by),
    (SELECT min(o.organization_id) FROM meeting_organizer o WHERE o.meeting_id = m.id));
ALTER TABLE meeting_organizer ADD COLUMN consented_at timestamptz DEFAULT now();
UPDATE meeting_organizer o SET consented_at = m.created_at FROM meeting m WHERE m.id = o.meeting_id;
-- rows written without a host (bulk and demo data) take their first organizer as the host
CREATE FUNCTION meeting_first_organizer_hosts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE meeting SET host_org_id = NEW.organization_id WHERE id = NEW.meeting_id AND host_org_id IS NULL;
    RETURN NEW;
END;
$$;
CREATE TRIGGER meeting_organizer_host AFTER INSERT ON meeting_organizer
    FOR EACH ROW EXECUTE FUNCTION meeting_first_organizer_hosts();

-- A known client has its own counter for the account (the same delays and lock).
ALTER TABLE login_known_client ADD COLUMN failures integer NOT NULL DEFAULT 0 CHECK (failures >= 0);
ALTER TABLE login_known_client ADD COLUMN last_failure_at timestamptz;
ALTER TABLE login_known_client ADD COLUMN locked_until timestamptz;

-- Links shown on screen before this version (a center lead saw the link of an invitation into a
-- partner organization): unused ones into an organization the inviter does not belong to end now.
UPDATE invitation i SET expires_at = now()
 WHERE i.used_at IS NULL AND i.expires_at > now()
   AND NOT EXISTS (SELECT 1 FROM membership m WHERE m.account_id = i.invited_by AND m.organization_id = i.organization_id)
   AND NOT EXISTS (SELECT 1 FROM account a WHERE a.id = i.invited_by AND a.role = 'network-admin');

-- Mail quota: invitation and change notices counted per sending organization and Tokyo day,
-- incremented atomically (one row, upserted) so parallel invitations cannot pass the cap together.
CREATE TABLE mail_quota (
    organization_id bigint NOT NULL REFERENCES organization(id),
    day             date NOT NULL,
    sent            integer NOT NULL CHECK (sent >= 0),
    PRIMARY KEY (organization_id, day)
);

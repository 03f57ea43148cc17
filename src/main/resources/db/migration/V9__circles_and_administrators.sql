-- The network runs itself, first step: organizations have administrators, and circles are
-- created, joined (with the invited organization's consent), left and archived by the people in
-- them, with their membership history kept.

-- An organization's administrators invite and approve its staff and answer for it (joining a
-- circle, leaving one). A center's lead administers their center; the secretariat its network.
ALTER TABLE membership ADD COLUMN is_admin boolean NOT NULL DEFAULT false;
UPDATE membership m SET is_admin = true
  FROM account a, organization o
 WHERE a.id = m.account_id AND o.id = m.organization_id
   AND ((a.role = 'center-lead' AND o.org_type = 'NAKAPOTSU')
     OR (a.role = 'network-admin' AND o.org_type = 'NATIONAL_NETWORK'));
CREATE INDEX membership_admins ON membership (organization_id) WHERE is_admin;

-- Circles people create: more kinds, who started it, archiving (read-only, still visible to its
-- members) and an optimistic lock for edits.
ALTER TABLE circle DROP CONSTRAINT circle_kind_check;
ALTER TABLE circle ADD CONSTRAINT circle_kind_check
    CHECK (kind IN ('EXCHANGE_MEETING', 'LIAISON_COUNCIL', 'PREFECTURE_COUNCIL', 'WORKING_GROUP', 'PAIR', 'NETWORK', 'OTHER'));
ALTER TABLE circle ADD COLUMN created_by bigint REFERENCES account(id);
ALTER TABLE circle ADD COLUMN archived_at timestamptz;
ALTER TABLE circle ADD COLUMN archived_by bigint REFERENCES account(id);
ALTER TABLE circle ADD COLUMN version integer NOT NULL DEFAULT 0;
ALTER TABLE circle ADD CONSTRAINT circle_archived_by CHECK ((archived_at IS NULL) = (archived_by IS NULL));

-- An organization is asked into a circle; its administrator accepts or declines. At most one open
-- invitation per circle and organization.
CREATE TABLE circle_invitation (
    id              bigserial PRIMARY KEY,
    circle_id       bigint NOT NULL REFERENCES circle(id) ON DELETE CASCADE,
    organization_id bigint NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
    message         text CHECK (message IS NULL OR length(message) <= 1000),
    invited_by      bigint NOT NULL REFERENCES account(id),
    invited_at      timestamptz NOT NULL DEFAULT now(),
    status          text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'ACCEPTED', 'DECLINED', 'WITHDRAWN')),
    decided_by      bigint REFERENCES account(id),
    decided_at      timestamptz,
    CHECK ((status = 'PENDING') = (decided_at IS NULL))
);
CREATE UNIQUE INDEX circle_invitation_open ON circle_invitation (circle_id, organization_id) WHERE status = 'PENDING';
CREATE INDEX circle_invitation_org ON circle_invitation (organization_id) WHERE status = 'PENDING';

-- Who joined and left a circle when, and by whose hand. Append-only, like the audit log.
CREATE TABLE circle_event (
    id              bigserial PRIMARY KEY,
    circle_id       bigint NOT NULL REFERENCES circle(id) ON DELETE CASCADE,
    organization_id bigint REFERENCES organization(id) ON DELETE SET NULL,
    kind            text NOT NULL CHECK (kind IN ('CREATED', 'EDITED', 'INVITED', 'WITHDRAWN', 'JOINED', 'DECLINED',
                                                  'LEFT', 'REMOVED', 'OWNER_ADDED', 'OWNER_REMOVED', 'ARCHIVED')),
    actor_id        bigint REFERENCES account(id),
    occurred_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX circle_event_circle ON circle_event (circle_id, occurred_at);

-- Rows are never rewritten or deleted; only the organization a row names may be re-pointed (a merge
-- of duplicate organizations, or SET NULL when one is deleted).
CREATE FUNCTION circle_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND (NEW.id, NEW.circle_id, NEW.kind, NEW.actor_id, NEW.occurred_at)
                            IS NOT DISTINCT FROM (OLD.id, OLD.circle_id, OLD.kind, OLD.actor_id, OLD.occurred_at) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'circle_event is append-only';
END;
$$;
CREATE TRIGGER circle_event_no_rewrite BEFORE UPDATE OR DELETE ON circle_event
    FOR EACH ROW EXECUTE FUNCTION circle_event_append_only();
CREATE TRIGGER circle_event_no_truncate BEFORE TRUNCATE ON circle_event
    FOR EACH STATEMENT EXECUTE FUNCTION circle_event_append_only();

-- The history of the circles that exist already starts with their current members.
INSERT INTO circle_event (circle_id, organization_id, kind, occurred_at)
SELECT circle_id, organization_id, 'JOINED', joined_on::timestamptz FROM circle_member;

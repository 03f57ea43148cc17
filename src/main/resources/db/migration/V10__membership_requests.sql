-- Joining an organization always needs its administrator: a person who asks to join (staff who
-- move to another office keep their one account) waits here until the organization's
-- administrator — or the secretariat, where nobody administers it — approves.
CREATE TABLE membership_request (
    id              bigserial PRIMARY KEY,
    account_id      bigint NOT NULL REFERENCES account(id),
    organization_id bigint NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
    title           text CHECK (title IS NULL OR length(title) <= 100),
    requested_at    timestamptz NOT NULL DEFAULT now(),
    status          text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'DECLINED', 'WITHDRAWN')),
    decided_by      bigint REFERENCES account(id),
    decided_at      timestamptz,
    CHECK ((status = 'PENDING') = (decided_at IS NULL))
);
CREATE UNIQUE INDEX membership_request_open ON membership_request (account_id, organization_id) WHERE status = 'PENDING';
CREATE INDEX membership_request_org ON membership_request (organization_id) WHERE status = 'PENDING';

-- Whether an invitation makes its invitee the organization's administrator: decided when it is
-- issued or approved (the secretariat inviting an organization's first account; a center's lead),
-- and at acceptance only while the organization still has no administrator.
ALTER TABLE invitation ADD COLUMN grants_admin boolean NOT NULL DEFAULT false;

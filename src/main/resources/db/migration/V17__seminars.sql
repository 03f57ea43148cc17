-- Seminars and trainings (研修, issue 17): a meeting of kind SEMINAR may have a public announcement
-- page with open registration for people without accounts. Registrants are invitees who came
-- through the form (name, organization, its type, e-mail, consent); their personal data is deleted
-- a set time after the seminar (registrant_days, else the configured default), once, by the job.
ALTER TABLE meeting
    ADD COLUMN public_registration    boolean NOT NULL DEFAULT false,
    ADD COLUMN registration_closes_at timestamptz,
    ADD COLUMN consent_text           text CHECK (consent_text IS NULL OR length(consent_text) <= 2000),
    ADD COLUMN registrant_days        integer CHECK (registrant_days IS NULL OR registrant_days BETWEEN 1 AND 3650),
    ADD COLUMN registrants_purged_at  timestamptz,
    ADD CONSTRAINT meeting_public_registration_seminar CHECK (NOT public_registration OR kind = 'SEMINAR');

ALTER TABLE meeting_invitee
    ADD COLUMN registered        boolean NOT NULL DEFAULT false,
    ADD COLUMN organization_name text CHECK (organization_name IS NULL OR length(organization_name) <= 200),
    ADD COLUMN organization_type text CHECK (organization_type IS NULL OR organization_type IN (
        'NAKAPOTSU', 'TRANSITION_SUPPORT', 'RETENTION_SUPPORT', 'CONTINUOUS_A', 'CONTINUOUS_B', 'HELLO_WORK',
        'VOCATIONAL_CENTER', 'CONSULTATION', 'SPECIAL_NEEDS_SCHOOL', 'MUNICIPALITY', 'COMPANY', 'NATIONAL_NETWORK', 'OTHER')),
    ADD COLUMN consented_at      timestamptz,
    ADD COLUMN purged_at         timestamptz,
    -- the public form's abuse limits: registrations per address per hour, one re-sent link per 10 minutes
    ADD COLUMN registration_ip_hash text CHECK (registration_ip_hash IS NULL OR length(registration_ip_hash) <= 100),
    ADD COLUMN link_resent_at    timestamptz,
    ADD CONSTRAINT meeting_invitee_registered CHECK (NOT registered OR purged_at IS NOT NULL
        OR (organization_type IS NOT NULL AND consented_at IS NOT NULL));
CREATE INDEX meeting_invitee_registered_open ON meeting_invitee (meeting_id) WHERE registered AND purged_at IS NULL;
CREATE INDEX meeting_invitee_registration_ip ON meeting_invitee (meeting_id, registration_ip_hash, invited_at) WHERE registered;

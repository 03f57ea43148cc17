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

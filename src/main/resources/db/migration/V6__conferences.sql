-- Case-study conferences (事例検討会): guided formats, attendees with roles and pledges, a case
-- sheet that is de-identified by construction (no name, address, birth date, employer or ID
-- column exists), the recorder's board, the support team for the ecomap, a read log, deletion
-- of the case material after the retention period, and the de-identified learnings kept after it.

CREATE TABLE conference (
    id                   bigserial PRIMARY KEY,
    circle_id            bigint NOT NULL REFERENCES circle(id),
    title                text NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
    format               text NOT NULL CHECK (format IN ('NONAKA', 'INCIDENT', 'FREE')),
    legal_basis          text NOT NULL CHECK (legal_basis IN ('CONSENT', 'STATUTORY', 'STUDY')),
    starts_at            timestamptz NOT NULL,
    duration_minutes     smallint NOT NULL CHECK (duration_minutes BETWEEN 30 AND 240),
    venue                text CHECK (venue IS NULL OR length(venue) <= 200),
    retention_days       smallint NOT NULL DEFAULT 30 CHECK (retention_days BETWEEN 1 AND 90),
    -- the facilitator's run: index into conference_phase (NULL before the start), when it began
    current_phase        smallint,
    phase_started_at     timestamptz,
    finished_at          timestamptz,
    materials_deleted_at timestamptz,
    created_by           bigint REFERENCES account(id),
    created_at           timestamptz NOT NULL DEFAULT now(),
    version              integer NOT NULL DEFAULT 0
);
CREATE INDEX conference_circle ON conference (circle_id, starts_at);
CREATE INDEX conference_retention_due ON conference (starts_at) WHERE materials_deleted_at IS NULL;

-- The phases of the chosen format with their minutes (the Nonaka defaults, the incident process, or free).
CREATE TABLE conference_phase (
    id            bigserial PRIMARY KEY,
    conference_id bigint NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
    position      smallint NOT NULL CHECK (position BETWEEN 0 AND 19),
    phase         text NOT NULL CHECK (phase ~ '^[A-Z_]{2,30}$'),
    minutes       smallint NOT NULL CHECK (minutes BETWEEN 1 AND 120),
    UNIQUE (conference_id, position)
);

-- Attendees chosen for this conference. Removal ends access at once; the row (and its reads in
-- the log) stays. A pledge is accepted per attendee for the conference's legal basis.
CREATE TABLE conference_attendee (
    id            bigserial PRIMARY KEY,
    conference_id bigint NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
    account_id    bigint NOT NULL REFERENCES account(id),
    role          text NOT NULL CHECK (role IN ('FACILITATOR', 'PRESENTER', 'RECORDER', 'ADVISOR', 'PARTICIPANT')),
    added_at      timestamptz NOT NULL DEFAULT now(),
    removed_at    timestamptz,
    pledged_at    timestamptz,
    pledge_basis  text CHECK (pledge_basis IS NULL OR pledge_basis IN ('CONSENT', 'STATUTORY', 'STUDY')),
    UNIQUE (conference_id, account_id)
);
CREATE INDEX conference_attendee_account ON conference_attendee (account_id) WHERE removed_at IS NULL;

-- The de-identified case sheet (one per conference). Deleted with the board after retention.
CREATE TABLE case_sheet (
    conference_id      bigint PRIMARY KEY REFERENCES conference(id) ON DELETE CASCADE,
    age_band           smallint CHECK (age_band IS NULL OR age_band IN (10, 20, 30, 40, 50, 60, 70, 80)),
    sex                text CHECK (sex IS NULL OR sex IN ('MALE', 'FEMALE', 'OTHER')),
    certificate_type   text CHECK (certificate_type IS NULL OR certificate_type IN ('NONE', 'PHYSICAL', 'INTELLECTUAL', 'MENTAL', 'APPLYING')),
    certificate_grade  text CHECK (certificate_grade IS NULL OR certificate_grade IN ('1', '2', '3', '4', '5', '6', '7', 'A', 'B', 'A1', 'A2', 'B1', 'B2')),
    diagnosis          text CHECK (diagnosis IS NULL OR diagnosis ~ '^[A-Z_]{2,30}$'),
    household          text CHECK (household IS NULL OR length(household) <= 1000),
    referral_route     text CHECK (referral_route IS NULL OR length(referral_route) <= 1000),
    presenting_problem text CHECK (presenting_problem IS NULL OR length(presenting_problem) <= 2000),
    factors            text CHECK (factors IS NULL OR length(factors) <= 4000),
    actions_outcomes   text CHECK (actions_outcomes IS NULL OR length(actions_outcomes) <= 4000),
    discussion_points  text CHECK (discussion_points IS NULL OR length(discussion_points) <= 2000),
    updated_by         bigint REFERENCES account(id),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    version            integer NOT NULL DEFAULT 0
);

-- The support team around the person (the ecomap): agency type, its role, contact frequency, relation.
CREATE TABLE case_team_member (
    id            bigserial PRIMARY KEY,
    conference_id bigint NOT NULL REFERENCES case_sheet(conference_id) ON DELETE CASCADE,
    position      smallint NOT NULL CHECK (position BETWEEN 0 AND 15),
    agency_type   text NOT NULL CHECK (agency_type ~ '^[A-Z_]{2,30}$'),
    role          text CHECK (role IS NULL OR length(role) <= 200),
    frequency     text NOT NULL CHECK (frequency IN ('DAILY', 'TWICE_WEEKLY', 'WEEKLY', 'TWICE_MONTHLY', 'MONTHLY', 'AS_NEEDED')),
    relation      text NOT NULL CHECK (relation IN ('STRONG', 'NORMAL', 'WEAK', 'STRESSED')),
    UNIQUE (conference_id, position)
);

-- The recorder's board: questions, answers and notes by phase.
CREATE TABLE board_entry (
    id            bigserial PRIMARY KEY,
    conference_id bigint NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
    phase         text NOT NULL CHECK (phase ~ '^[A-Z_]{2,30}$'),
    kind          text NOT NULL CHECK (kind IN ('QUESTION', 'ANSWER', 'NOTE', 'ASSESSMENT', 'IDEA')),
    body          text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
    created_by    bigint REFERENCES account(id),
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX board_entry_conference ON board_entry (conference_id, id);

-- What stays after the case is gone: de-identified support ideas and lessons, approved by the facilitator.
CREATE TABLE learning (
    id            bigserial PRIMARY KEY,
    conference_id bigint NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
    kind          text NOT NULL CHECK (kind IN ('IDEA', 'LESSON')),
    body          text NOT NULL CHECK (length(body) BETWEEN 1 AND 1000),
    tags          text[] NOT NULL DEFAULT '{}',
    approved_by   bigint REFERENCES account(id),
    approved_at   timestamptz,
    created_by    bigint REFERENCES account(id),
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX learning_conference ON learning (conference_id);
CREATE INDEX learning_tags ON learning USING gin (tags) WHERE approved_at IS NOT NULL;

-- Every read of case material: who, when, what. Kept after the material is deleted and after removal.
CREATE TABLE conference_read (
    id            bigserial PRIMARY KEY,
    conference_id bigint NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
    account_id    bigint NOT NULL REFERENCES account(id),
    what          text NOT NULL CHECK (what IN ('CASE', 'BOARD', 'PRINT')),
    read_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conference_read_conference ON conference_read (conference_id, read_at DESC);

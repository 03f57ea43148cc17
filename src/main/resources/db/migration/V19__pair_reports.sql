-- Each pair's report (ペアの報告): the shape of a model-initiative page of the FY2023 report
-- (notes-001 §3.6–3.7: motive, what was done, key points, before/after, what changed, the survey,
-- a message to centers with the same problems), written by the two centers, commented by the
-- pair's advisor and the secretariat, submitted, and approved by the secretariat. The dated list
-- of what was done and the self-assessment are not stored here: they are the pair's own records.
CREATE TABLE pairing_report (
    pairing_id   bigint PRIMARY KEY REFERENCES pairing(id) ON DELETE CASCADE,
    motive       text CHECK (motive IS NULL OR length(motive) <= 4000),
    activities   text CHECK (activities IS NULL OR length(activities) <= 4000),
    key_points   text CHECK (key_points IS NULL OR length(key_points) <= 4000),
    changes      text CHECK (changes IS NULL OR length(changes) <= 4000),
    survey_notes text CHECK (survey_notes IS NULL OR length(survey_notes) <= 2000),
    message      text CHECK (message IS NULL OR length(message) <= 2000),
    -- the survey whose results for the pair's region the report shows (NULL: the newest that fits)
    survey_id    bigint REFERENCES survey(id) ON DELETE SET NULL,
    status       text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'SUBMITTED', 'APPROVED')),
    submitted_at timestamptz,
    submitted_by bigint REFERENCES account(id) ON DELETE SET NULL,
    approved_at  timestamptz,
    approved_by  bigint REFERENCES account(id) ON DELETE SET NULL,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    updated_by   bigint REFERENCES account(id) ON DELETE SET NULL,
    version      integer NOT NULL DEFAULT 0,
    CHECK ((status = 'APPROVED') = (approved_at IS NOT NULL)),
    CHECK (status = 'DRAFT' OR submitted_at IS NOT NULL)
);

-- A comment on one section of a pair's report: the advisor's advice, the secretariat's remarks
-- (a report sent back carries one), the centers' answers.
CREATE TABLE pairing_report_comment (
    id          bigserial PRIMARY KEY,
    pairing_id  bigint NOT NULL REFERENCES pairing(id) ON DELETE CASCADE,
    section     text NOT NULL CHECK (section IN ('MOTIVE', 'ACTIVITIES', 'KEY_POINTS', 'ASSESSMENT', 'CHANGES',
                    'SURVEY', 'MESSAGE', 'GENERAL')),
    body        text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
    author_id   bigint REFERENCES account(id) ON DELETE SET NULL,
    author_name text NOT NULL CHECK (length(author_name) BETWEEN 1 AND 200),
    author_role text NOT NULL CHECK (author_role IN ('ADVISOR', 'SECRETARIAT', 'CENTER')),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pairing_report_comment_pairing ON pairing_report_comment (pairing_id, created_at, id);

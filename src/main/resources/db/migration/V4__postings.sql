-- Job postings (求人) and internship / work-experience slots (職場実習・職場体験枠) shared within
-- circles: non-public openings reach exactly the circles they were shared into. Nothing here is
-- about an applicant or a service user.

-- Prefectural minimum wages (地域別最低賃金), kept as data: one row per prefecture and year with
-- its source. Update every autumn from the MHLW list; the check uses the newest row in force.
CREATE TABLE minimum_wage (
    prefecture_code smallint NOT NULL REFERENCES prefecture(code),
    fiscal_year     smallint NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
    hourly_yen      integer NOT NULL CHECK (hourly_yen BETWEEN 500 AND 5000),
    effective_from  date NOT NULL,
    source          text NOT NULL,
    PRIMARY KEY (prefecture_code, fiscal_year)
);

-- One table for both kinds (JOB, INTERNSHIP): sharing, search, digests, expiry and the view log
-- work the same way for both, through one access rule.
CREATE TABLE posting (
    id                    bigserial PRIMARY KEY,
    kind                  text NOT NULL CHECK (kind IN ('JOB', 'INTERNSHIP')),
    owner_org_id          bigint NOT NULL REFERENCES organization(id),
    created_by            bigint REFERENCES account(id),
    contact_account_id    bigint REFERENCES account(id),
    title                 text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    company_name          text NOT NULL CHECK (length(company_name) BETWEEN 1 AND 200),
    company_industry      text CHECK (company_industry IS NULL OR length(company_industry) <= 100),
    municipality          text CHECK (municipality IS NULL OR length(municipality) <= 100),
    prefecture_code       smallint NOT NULL REFERENCES prefecture(code),
    area_id               bigint REFERENCES catchment_area(id),
    job_category          text NOT NULL CHECK (job_category IN ('OFFICE', 'CLEANING', 'LIGHT_WORK', 'MANUFACTURING',
                              'LOGISTICS', 'FOOD', 'RETAIL', 'CARE', 'AGRICULTURE', 'IT', 'OTHER')),
    employment_type       text CHECK (employment_type IN ('REGULAR', 'CONTRACT', 'PART_TIME', 'TEMPORARY')),
    hours_per_day         numeric(3, 1) CHECK (hours_per_day > 0 AND hours_per_day <= 12),
    hours_per_week        numeric(3, 1) CHECK (hours_per_week > 0 AND hours_per_week <= 40),
    days_per_week         smallint CHECK (days_per_week BETWEEN 1 AND 7),
    -- job carving (業務の切り出し): split hours, short hours, weekly/daily pay, a trial step
    split_shift           boolean NOT NULL DEFAULT false,
    short_hours           boolean NOT NULL DEFAULT false,
    weekly_pay            boolean NOT NULL DEFAULT false,
    daily_pay             boolean NOT NULL DEFAULT false,
    trial_step            boolean NOT NULL DEFAULT false,
    carving_note          text CHECK (carving_note IS NULL OR length(carving_note) <= 500),
    wage_type             text CHECK (wage_type IN ('HOURLY', 'MONTHLY')),
    wage_yen              integer CHECK (wage_yen > 0 AND wage_yen <= 2000000),
    start_on              date,
    openings              smallint CHECK (openings BETWEEN 1 AND 100),
    disability_experience text[] NOT NULL DEFAULT '{}' CHECK (disability_experience <@ ARRAY['PHYSICAL', 'INTELLECTUAL',
                              'MENTAL', 'DEVELOPMENTAL', 'HIGHER_BRAIN', 'INTRACTABLE']::text[]),
    accommodations        text CHECK (accommodations IS NULL OR length(accommodations) <= 2000),
    below_quota           boolean NOT NULL DEFAULT false,
    how_to_apply          text CHECK (how_to_apply IS NULL OR length(how_to_apply) <= 1000),
    description           text CHECK (description IS NULL OR length(description) <= 4000),
    source                text NOT NULL CHECK (source IN ('HELLO_WORK', 'COMPANY', 'FLYER', 'MAGAZINE', 'OTHER')),
    hello_work_number     text CHECK (hello_work_number IS NULL OR hello_work_number ~ '^[0-9]{5}-[0-9]{7,8}$'),
    do_not_forward        boolean NOT NULL DEFAULT false,
    -- internship / work-experience slots
    ends_on               date,
    places                smallint CHECK (places BETWEEN 1 AND 100),
    hiring_intent         boolean,
    conditions            text CHECK (conditions IS NULL OR length(conditions) <= 2000),
    visibility            text NOT NULL CHECK (visibility IN ('ORGANIZATION', 'CIRCLES', 'NETWORK')),
    expires_on            date NOT NULL,
    status                text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'FILLED', 'CLOSED')),
    closed_at             timestamptz,
    closed_reason         text CHECK (closed_reason IN ('EXPIRED', 'FILLED', 'WITHDRAWN')),
    -- Japanese search: Kuromoji words and character bigrams, weighted title A, company B, text C
    search_vector         tsvector NOT NULL DEFAULT ''::tsvector,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    version               integer NOT NULL DEFAULT 0,
    CHECK ((source = 'HELLO_WORK') = (hello_work_number IS NOT NULL)),
    CHECK ((wage_type IS NULL) = (wage_yen IS NULL)),
    CHECK (kind = 'JOB' OR (places IS NOT NULL AND start_on IS NOT NULL)),
    CHECK (ends_on IS NULL OR start_on IS NULL OR ends_on >= start_on),
    CHECK (hours_per_week IS NULL OR hours_per_day IS NULL OR hours_per_week >= hours_per_day)
);
CREATE UNIQUE INDEX posting_hello_work_number ON posting (owner_org_id, hello_work_number) WHERE hello_work_number IS NOT NULL;
CREATE INDEX posting_search ON posting USING gin (search_vector);
CREATE INDEX posting_open_newest ON posting (created_at DESC, id DESC) WHERE status = 'OPEN';
CREATE INDEX posting_expiry ON posting (expires_on) WHERE status = 'OPEN';
CREATE INDEX posting_owner ON posting (owner_org_id);
CREATE INDEX posting_network ON posting (created_at DESC) WHERE visibility = 'NETWORK' AND status = 'OPEN';

-- Into which circles a posting was shared, by whom and when (the origin is the posting's owner).
CREATE TABLE posting_share (
    posting_id           bigint NOT NULL REFERENCES posting(id) ON DELETE CASCADE,
    circle_id            bigint NOT NULL REFERENCES circle(id),
    shared_by_org_id     bigint NOT NULL REFERENCES organization(id),
    shared_by_account_id bigint REFERENCES account(id),
    shared_at            timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (posting_id, circle_id)
);
CREATE INDEX posting_share_circle ON posting_share (circle_id, posting_id);

-- Every view and export of a non-public posting: the sharing organization can read it.
CREATE TABLE posting_view (
    id              bigserial PRIMARY KEY,
    posting_id      bigint NOT NULL REFERENCES posting(id) ON DELETE CASCADE,
    account_id      bigint REFERENCES account(id),
    organization_id bigint REFERENCES organization(id),
    kind            text NOT NULL CHECK (kind IN ('VIEW', 'EXPORT', 'DIGEST')),
    at              timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX posting_view_posting ON posting_view (posting_id, at DESC);

-- Internship booking requests: how many people, from which office, a message without personal data.
CREATE TABLE internship_request (
    id                   bigserial PRIMARY KEY,
    posting_id           bigint NOT NULL REFERENCES posting(id) ON DELETE CASCADE,
    requesting_org_id    bigint NOT NULL REFERENCES organization(id),
    requested_by         bigint REFERENCES account(id),
    people               smallint NOT NULL CHECK (people BETWEEN 1 AND 20),
    office               text CHECK (office IS NULL OR length(office) <= 200),
    message              text CHECK (message IS NULL OR length(message) <= 1000),
    status               text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'ACCEPTED', 'DECLINED', 'WITHDRAWN')),
    decided_by           bigint REFERENCES account(id),
    decided_at           timestamptz,
    created_at           timestamptz NOT NULL DEFAULT now(),
    version              integer NOT NULL DEFAULT 0
);
CREATE INDEX internship_request_posting ON internship_request (posting_id);

-- "Anyone suitable?" (該当者はいませんか): a question to a circle about a posting; answers are a
-- count and a contact person, never anything about the person.
CREATE TABLE candidate_request (
    id              bigserial PRIMARY KEY,
    posting_id      bigint NOT NULL REFERENCES posting(id) ON DELETE CASCADE,
    circle_id       bigint NOT NULL REFERENCES circle(id),
    asked_by_org_id bigint NOT NULL REFERENCES organization(id),
    asked_by        bigint REFERENCES account(id),
    message         text CHECK (message IS NULL OR length(message) <= 1000),
    status          text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED')),
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX candidate_request_circle ON candidate_request (circle_id);

CREATE TABLE candidate_answer (
    id                 bigserial PRIMARY KEY,
    request_id         bigint NOT NULL REFERENCES candidate_request(id) ON DELETE CASCADE,
    organization_id    bigint NOT NULL REFERENCES organization(id),
    people             smallint NOT NULL CHECK (people BETWEEN 1 AND 20),
    contact_account_id bigint NOT NULL REFERENCES account(id),
    created_at         timestamptz NOT NULL DEFAULT now(),
    UNIQUE (request_id, organization_id)
);

-- Saved searches (the query string of /postings) per person.
CREATE TABLE saved_search (
    id         bigserial PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES account(id) ON DELETE CASCADE,
    name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    query      text NOT NULL CHECK (length(query) <= 1000),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX saved_search_account ON saved_search (account_id);

-- The weekly digest: opt-out per person; one delivery row per person and period makes it
-- once-only across application instances (INSERT … ON CONFLICT DO NOTHING claims it).
ALTER TABLE account ADD COLUMN posting_digest boolean NOT NULL DEFAULT true;
CREATE TABLE digest_delivery (
    account_id bigint NOT NULL REFERENCES account(id) ON DELETE CASCADE,
    period     text NOT NULL CHECK (period ~ '^[0-9]{4}-W[0-9]{2}$'),
    items      integer NOT NULL DEFAULT 0,
    sent_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, period)
);

-- Postings read out at a meeting's job-information agenda item (求人情報の共有).
CREATE TABLE agenda_posting (
    agenda_item_id bigint NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,
    posting_id     bigint NOT NULL REFERENCES posting(id) ON DELETE CASCADE,
    PRIMARY KEY (agenda_item_id, posting_id)
);

-- 令和6年度 地域別最低賃金 (in force from October 2024; the effective date differs by prefecture,
-- the earliest is used here). Source: 厚生労働省「地域別最低賃金の全国一覧」(令和6年度).
INSERT INTO minimum_wage (prefecture_code, fiscal_year, hourly_yen, effective_from, source)
SELECT v.code, 2024, v.yen, DATE '2024-10-01', '厚生労働省「地域別最低賃金の全国一覧」令和6年度'
FROM (VALUES (1, 1010), (2, 953), (3, 952), (4, 973), (5, 951), (6, 955), (7, 955), (8, 1005), (9, 1004), (10, 985),
             (11, 1078), (12, 1076), (13, 1163), (14, 1162), (15, 985), (16, 998), (17, 984), (18, 984), (19, 988), (20, 998),
             (21, 1001), (22, 1034), (23, 1077), (24, 1023), (25, 1017), (26, 1058), (27, 1114), (28, 1052), (29, 986), (30, 980),
             (31, 957), (32, 962), (33, 982), (34, 1020), (35, 979), (36, 980), (37, 970), (38, 956), (39, 952), (40, 992),
             (41, 956), (42, 953), (43, 952), (44, 954), (45, 952), (46, 953), (47, 952)) AS v(code, yen);

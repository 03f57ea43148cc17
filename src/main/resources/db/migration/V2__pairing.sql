-- Pairing program (ペア事業): program years, milestone templates, applications (エントリー),
-- pairs of an implementing center (実施センター) and a supporting center (応援センター),
-- milestones, visits (相互訪問), before/after self-assessments, and in-app notifications.

-- Geography for the tile map of Japan and for distances between centers:
-- a tile position per prefecture and the prefectural capital's coordinates.
ALTER TABLE prefecture ADD COLUMN tile_col smallint, ADD COLUMN tile_row smallint,
    ADD COLUMN capital_lat numeric(7, 4), ADD COLUMN capital_lon numeric(7, 4);
UPDATE prefecture p SET tile_col = v.c, tile_row = v.r, capital_lat = v.lat, capital_lon = v.lon
FROM (VALUES
    (1, 11, 0, 43.0642, 141.3469), (2, 11, 2, 40.8244, 140.7400), (3, 11, 3, 39.7036, 141.1527),
    (4, 11, 4, 38.2688, 140.8721), (5, 10, 3, 39.7186, 140.1024), (6, 10, 4, 38.2404, 140.3633),
    (7, 10, 5, 37.7503, 140.4676), (8, 11, 6, 36.3418, 140.4468), (9, 10, 6, 36.5657, 139.8836),
    (10, 9, 6, 36.3911, 139.0608), (11, 9, 7, 35.8569, 139.6489), (12, 11, 7, 35.6051, 140.1233),
    (13, 10, 7, 35.6895, 139.6917), (14, 9, 8, 35.4478, 139.6425), (15, 9, 5, 37.9026, 139.0236),
    (16, 8, 5, 36.6953, 137.2113), (17, 7, 5, 36.5947, 136.6256), (18, 6, 5, 36.0652, 136.2216),
    (19, 8, 7, 35.6642, 138.5684), (20, 8, 6, 36.6513, 138.1810), (21, 7, 6, 35.3912, 136.7223),
    (22, 8, 8, 34.9769, 138.3831), (23, 7, 7, 35.1802, 136.9066), (24, 6, 7, 34.7303, 136.5086),
    (25, 6, 6, 35.0045, 135.8686), (26, 5, 6, 35.0214, 135.7556), (27, 4, 7, 34.6863, 135.5200),
    (28, 4, 6, 34.6913, 135.1830), (29, 5, 7, 34.6851, 135.8050), (30, 4, 8, 34.2260, 135.1675),
    (31, 3, 6, 35.5039, 134.2383), (32, 2, 6, 35.4723, 133.0505), (33, 3, 7, 34.6618, 133.9344),
    (34, 2, 7, 34.3966, 132.4596), (35, 1, 7, 34.1859, 131.4714), (36, 4, 10, 34.0658, 134.5593),
    (37, 4, 9, 34.3401, 134.0434), (38, 3, 9, 33.8416, 132.7657), (39, 3, 10, 33.5597, 133.5311),
    (40, 1, 8, 33.6064, 130.4183), (41, 0, 8, 33.2494, 130.2988), (42, 0, 9, 32.7448, 129.8737),
    (43, 1, 9, 32.7898, 130.7417), (44, 2, 9, 33.2382, 131.6126), (45, 2, 10, 31.9111, 131.4239),
    (46, 1, 10, 31.5602, 130.5581), (47, 0, 11, 26.2124, 127.6809)
) AS v(code, c, r, lat, lon)
WHERE p.code = v.code;
ALTER TABLE prefecture ALTER COLUMN tile_col SET NOT NULL, ALTER COLUMN tile_row SET NOT NULL,
    ALTER COLUMN capital_lat SET NOT NULL, ALTER COLUMN capital_lon SET NOT NULL,
    ADD CONSTRAINT prefecture_tile_unique UNIQUE (tile_col, tile_row);

-- A program year (事業年度) of the pairing program.
CREATE TABLE program (
    id                   bigserial PRIMARY KEY,
    fiscal_year          smallint NOT NULL UNIQUE CHECK (fiscal_year BETWEEN 2000 AND 2100),
    name                 text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    call_opens           date,
    call_closes          date,
    selection_on         date,
    implementation_start date,
    implementation_end   date,
    survey_start         date,
    survey_end           date,
    seminar_on           date,
    report_due           date,
    total_centers        integer NOT NULL DEFAULT 337 CHECK (total_centers BETWEEN 1 AND 1000),
    created_at           timestamptz NOT NULL DEFAULT now(),
    version              integer NOT NULL DEFAULT 0,
    -- dates may be unknown for past years recorded after the fact (FY2022)
    CHECK (call_closes IS NULL OR call_opens IS NULL OR call_closes >= call_opens),
    CHECK (implementation_end IS NULL OR implementation_start IS NULL OR implementation_end >= implementation_start),
    CHECK (survey_start IS NULL OR survey_end IS NULL OR survey_end >= survey_start)
);

-- The milestone template of a program; each new pair receives a copy with these due dates.
CREATE TABLE program_milestone (
    id         bigserial PRIMARY KEY,
    program_id bigint NOT NULL REFERENCES program(id) ON DELETE CASCADE,
    position   smallint NOT NULL CHECK (position BETWEEN 1 AND 30),
    kind       text NOT NULL CHECK (kind IN ('ONLINE_MEETING', 'VISIT_TO_SUPPORTING', 'SURVEY',
                   'VISIT_TO_IMPLEMENTING', 'SEMINAR_REPORT', 'WRITTEN_REPORT', 'OTHER')),
    title      text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    due_on     date NOT NULL,
    UNIQUE (program_id, position)
);

-- Centers that carried out a model initiative in a program year without a pair (FY2022's ten).
CREATE TABLE program_model_center (
    program_id      bigint NOT NULL REFERENCES program(id) ON DELETE CASCADE,
    organization_id bigint NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
    theme_1         text NOT NULL CHECK (theme_1 IN ('SUPERVISION', 'DIFFICULT_CASES', 'REGIONAL_COOPERATION')),
    theme_2         text CHECK (theme_2 IN ('SUPERVISION', 'DIFFICULT_CASES', 'REGIONAL_COOPERATION')),
    initiative      text CHECK (initiative IS NULL OR length(initiative) <= 500),
    PRIMARY KEY (program_id, organization_id)
);

-- エントリー: a center's application in the open call.
CREATE TABLE application (
    id                 bigserial PRIMARY KEY,
    program_id         bigint NOT NULL REFERENCES program(id) ON DELETE CASCADE,
    center_id          bigint NOT NULL REFERENCES organization(id),
    theme_1            text NOT NULL CHECK (theme_1 IN ('SUPERVISION', 'DIFFICULT_CASES', 'REGIONAL_COOPERATION')),
    theme_2            text CHECK (theme_2 IN ('SUPERVISION', 'DIFFICULT_CASES', 'REGIONAL_COOPERATION')),
    motive             text NOT NULL CHECK (length(motive) BETWEEN 1 AND 4000),
    desired_partner_id bigint REFERENCES organization(id),
    desired_practice   text CHECK (desired_practice IS NULL OR length(desired_practice) <= 1000),
    region_situation   text CHECK (region_situation IS NULL OR length(region_situation) <= 4000),
    submitted_by       bigint REFERENCES account(id),
    submitted_at       timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    version            integer NOT NULL DEFAULT 0,
    UNIQUE (program_id, center_id),
    CHECK (theme_2 IS NULL OR theme_2 <> theme_1),
    CHECK (desired_partner_id IS NULL OR desired_partner_id <> center_id)
);

-- ペア: an implementing center with its supporting center; its workspace is a PAIR circle.
CREATE TABLE pairing (
    id                 bigserial PRIMARY KEY,
    program_id         bigint NOT NULL REFERENCES program(id) ON DELETE CASCADE,
    application_id     bigint UNIQUE REFERENCES application(id),
    implementing_id    bigint NOT NULL REFERENCES organization(id),
    supporting_id      bigint NOT NULL REFERENCES organization(id),
    theme_1            text NOT NULL CHECK (theme_1 IN ('SUPERVISION', 'DIFFICULT_CASES', 'REGIONAL_COOPERATION')),
    theme_2            text CHECK (theme_2 IN ('SUPERVISION', 'DIFFICULT_CASES', 'REGIONAL_COOPERATION')),
    rationale          text CHECK (rationale IS NULL OR length(rationale) <= 2000),
    officer_id         bigint REFERENCES account(id),
    advisor_id         bigint REFERENCES account(id),
    circle_id          bigint NOT NULL UNIQUE REFERENCES circle(id),
    status             text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('MATCHED', 'ACTIVE', 'REPORTED', 'CLOSED')),
    created_at         timestamptz NOT NULL DEFAULT now(),
    version            integer NOT NULL DEFAULT 0,
    assessment_version integer NOT NULL DEFAULT 0,
    assessed_at        timestamptz,
    UNIQUE (program_id, implementing_id),
    CHECK (implementing_id <> supporting_id),
    CHECK (theme_2 IS NULL OR theme_2 <> theme_1)
);
CREATE INDEX pairing_supporting ON pairing (program_id, supporting_id);

-- 相互訪問: a visit of one center of the pair to the other.
CREATE TABLE pairing_visit (
    id                 bigserial PRIMARY KEY,
    pairing_id         bigint NOT NULL REFERENCES pairing(id) ON DELETE CASCADE,
    direction          text NOT NULL CHECK (direction IN ('TO_SUPPORTING', 'TO_IMPLEMENTING')),
    title              text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    start_on           date NOT NULL,
    end_on             date NOT NULL,
    participants_count integer CHECK (participants_count IS NULL OR participants_count BETWEEN 0 AND 10000),
    participants       text CHECK (participants IS NULL OR length(participants) <= 1000),
    learnings_visitor  text CHECK (learnings_visitor IS NULL OR length(learnings_visitor) <= 4000),
    learnings_host     text CHECK (learnings_host IS NULL OR length(learnings_host) <= 4000),
    created_by         bigint REFERENCES account(id),
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    version            integer NOT NULL DEFAULT 0,
    CHECK (end_on >= start_on AND end_on <= start_on + 14)
);
CREATE INDEX pairing_visit_pairing ON pairing_visit (pairing_id, start_on);

CREATE TABLE pairing_visit_item (
    id       bigserial PRIMARY KEY,
    visit_id bigint NOT NULL REFERENCES pairing_visit(id) ON DELETE CASCADE,
    position smallint NOT NULL CHECK (position BETWEEN 1 AND 30),
    kind     text NOT NULL CHECK (kind IN ('MEETING', 'FACILITY_TOUR', 'COMPANY_TOUR', 'EXCHANGE', 'LECTURE', 'SOCIAL', 'OTHER')),
    title    text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    UNIQUE (visit_id, position)
);

CREATE TABLE pairing_milestone (
    id                bigserial PRIMARY KEY,
    pairing_id        bigint NOT NULL REFERENCES pairing(id) ON DELETE CASCADE,
    position          smallint NOT NULL CHECK (position BETWEEN 1 AND 30),
    kind              text NOT NULL CHECK (kind IN ('ONLINE_MEETING', 'VISIT_TO_SUPPORTING', 'SURVEY',
                          'VISIT_TO_IMPLEMENTING', 'SEMINAR_REPORT', 'WRITTEN_REPORT', 'OTHER')),
    title             text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    due_on            date NOT NULL,
    status            text NOT NULL DEFAULT 'PLANNED' CHECK (status IN ('PLANNED', 'DONE')),
    done_on           date,
    evidence_visit_id bigint REFERENCES pairing_visit(id) ON DELETE SET NULL,
    evidence_url      text CHECK (evidence_url IS NULL OR (length(evidence_url) <= 500 AND evidence_url ~ '^https?://')),
    evidence_note     text CHECK (evidence_note IS NULL OR length(evidence_note) <= 1000),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    version           integer NOT NULL DEFAULT 0,
    UNIQUE (pairing_id, position),
    CHECK ((status = 'DONE') = (done_on IS NOT NULL))
);

-- ビフォーアフター自己評価: items scored 1-10 before and after the program.
CREATE TABLE pairing_assessment_item (
    id           bigserial PRIMARY KEY,
    pairing_id   bigint NOT NULL REFERENCES pairing(id) ON DELETE CASCADE,
    position     smallint NOT NULL CHECK (position BETWEEN 1 AND 10),
    label        text NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
    before_score smallint CHECK (before_score IS NULL OR before_score BETWEEN 1 AND 10),
    after_score  smallint CHECK (after_score IS NULL OR after_score BETWEEN 1 AND 10),
    comment      text CHECK (comment IS NULL OR length(comment) <= 1000),
    UNIQUE (pairing_id, position)
);

-- In-app notifications (the same events also go out by e-mail).
CREATE TABLE notification (
    id         bigserial PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES account(id) ON DELETE CASCADE,
    title_ja   text NOT NULL CHECK (length(title_ja) BETWEEN 1 AND 300),
    title_en   text NOT NULL CHECK (length(title_en) BETWEEN 1 AND 300),
    link       text NOT NULL CHECK (link ~ '^/[A-Za-z0-9/_?=&.-]*$'),
    created_at timestamptz NOT NULL DEFAULT now(),
    read_at    timestamptz
);
CREATE INDEX notification_unread ON notification (account_id, created_at DESC);

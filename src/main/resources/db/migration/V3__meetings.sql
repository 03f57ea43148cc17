-- Meetings (会議): recurring series of a circle, scheduling polls (日程調整), invitations with
-- personal links for people without an account, agendas and templates, attendance, minutes in
-- the networks' shape (テーマ・内容・結果), action items (確認事項), calendar feeds, and a small
-- reusable questionnaire module (アンケート) used after meetings.

-- A circle's recurring meeting (e.g. 就労移行等情報交換会): numbering and default slot.
CREATE TABLE meeting_series (
    id              bigserial PRIMARY KEY,
    circle_id       bigint NOT NULL REFERENCES circle(id),
    title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    kind            text NOT NULL CHECK (kind IN ('PROGRAM_ONLINE', 'VISIT', 'EXCHANGE', 'LIAISON', 'SEMINAR')),
    default_weekday smallint CHECK (default_weekday BETWEEN 1 AND 7),
    default_start   time,
    default_minutes smallint CHECK (default_minutes BETWEEN 10 AND 720),
    per_year_min    smallint CHECK (per_year_min BETWEEN 1 AND 52),
    per_year_max    smallint CHECK (per_year_max BETWEEN 1 AND 52),
    created_by      bigint REFERENCES account(id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (per_year_max IS NULL OR per_year_min IS NULL OR per_year_max >= per_year_min)
);

CREATE TABLE meeting_series_organizer (
    id              bigserial PRIMARY KEY,
    series_id       bigint NOT NULL REFERENCES meeting_series(id) ON DELETE CASCADE,
    organization_id bigint NOT NULL REFERENCES organization(id),
    UNIQUE (series_id, organization_id)
);

CREATE TABLE meeting (
    id                   bigserial PRIMARY KEY,
    series_id            bigint REFERENCES meeting_series(id),
    number               smallint CHECK (number BETWEEN 0 AND 999),
    kind                 text NOT NULL CHECK (kind IN ('PROGRAM_ONLINE', 'VISIT', 'EXCHANGE', 'LIAISON', 'SEMINAR')),
    title                text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    circle_id            bigint REFERENCES circle(id),
    format               text NOT NULL CHECK (format IN ('IN_PERSON', 'ONLINE', 'HYBRID')),
    online_url           text CHECK (online_url IS NULL OR (length(online_url) <= 500 AND online_url ~ '^https?://')),
    starts_at            timestamptz,
    ends_at              timestamptz,
    capacity             integer CHECK (capacity BETWEEN 1 AND 10000),
    status               text NOT NULL CHECK (status IN ('DRAFT', 'SCHEDULING', 'SCHEDULED', 'HELD',
                                                         'MINUTES_PUBLISHED', 'CANCELLED')),
    description          text CHECK (description IS NULL OR length(description) <= 4000),
    fee_note             text CHECK (fee_note IS NULL OR length(fee_note) <= 200),
    reminder_sent_at     timestamptz,
    agenda_version       integer NOT NULL DEFAULT 0,
    minutes_version      integer NOT NULL DEFAULT 0,
    minutes_updated_at   timestamptz,
    minutes_published_at timestamptz,
    created_by           bigint REFERENCES account(id),
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    version              integer NOT NULL DEFAULT 0,
    UNIQUE (series_id, number),
    CHECK (ends_at IS NULL OR starts_at IS NULL OR ends_at > starts_at),
    CHECK (status IN ('DRAFT', 'SCHEDULING', 'CANCELLED') OR starts_at IS NOT NULL)
);
CREATE INDEX meeting_start ON meeting (starts_at);
CREATE INDEX meeting_reminder_due ON meeting (starts_at) WHERE status = 'SCHEDULED' AND reminder_sent_at IS NULL;

-- Co-hosts (共催): the organizations that run the meeting.
CREATE TABLE meeting_organizer (
    id              bigserial PRIMARY KEY,
    meeting_id      bigint NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    organization_id bigint NOT NULL REFERENCES organization(id),
    UNIQUE (meeting_id, organization_id)
);
CREATE INDEX meeting_organizer_org ON meeting_organizer (organization_id);

-- In-person venues; a hybrid meeting may link several.
CREATE TABLE meeting_venue (
    id         bigserial PRIMARY KEY,
    meeting_id bigint NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    position   smallint NOT NULL,
    name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    address    text CHECK (address IS NULL OR length(address) <= 300),
    UNIQUE (meeting_id, position)
);

-- Candidate slots of a scheduling poll (日程調整).
CREATE TABLE poll_slot (
    id         bigserial PRIMARY KEY,
    meeting_id bigint NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    starts_at  timestamptz NOT NULL,
    ends_at    timestamptz NOT NULL,
    CHECK (ends_at > starts_at),
    UNIQUE (meeting_id, starts_at)
);

-- One invited person. People without an account answer through a personal link whose token
-- is stored only as a SHA-256 hash. Each later mail carries a fresh link; the one before it
-- keeps working (previous_token_hash), older ones answer "replaced by a newer link".
CREATE TABLE meeting_invitee (
    id               bigserial PRIMARY KEY,
    meeting_id       bigint NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    account_id       bigint REFERENCES account(id),
    organization_id  bigint REFERENCES organization(id),
    name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    email            text NOT NULL CHECK (length(email) <= 254 AND email = lower(email)),
    token_hash       text NOT NULL UNIQUE,
    previous_token_hash text UNIQUE,
    revoked_at       timestamptz,
    response         text NOT NULL DEFAULT 'PENDING' CHECK (response IN ('PENDING', 'IN_PERSON', 'ONLINE', 'DECLINED')),
    waitlisted       boolean NOT NULL DEFAULT false,
    responded_at     timestamptz,
    poll_comment     text CHECK (poll_comment IS NULL OR length(poll_comment) <= 500),
    poll_answered_at timestamptz,
    poll_version     integer NOT NULL DEFAULT 0,
    invited_by       bigint REFERENCES account(id),
    invited_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (meeting_id, email)
);
CREATE INDEX meeting_invitee_account ON meeting_invitee (account_id);

CREATE TABLE poll_answer (
    id         bigserial PRIMARY KEY,
    invitee_id bigint NOT NULL REFERENCES meeting_invitee(id) ON DELETE CASCADE,
    slot_id    bigint NOT NULL REFERENCES poll_slot(id) ON DELETE CASCADE,
    answer     text NOT NULL CHECK (answer IN ('YES', 'MAYBE', 'NO')),
    UNIQUE (invitee_id, slot_id)
);

CREATE TABLE agenda_item (
    id                   bigserial PRIMARY KEY,
    meeting_id           bigint NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    position             smallint NOT NULL,
    item_type            text NOT NULL CHECK (item_type IN ('OPENING', 'INTRODUCTION', 'BRIEFING', 'LECTURE',
                                  'GROUP_WORK', 'DISCUSSION', 'REVIEW', 'CONFIRMATION', 'JOB_INFO', 'BREAK',
                                  'SOCIAL', 'CLOSING', 'OTHER')),
    title                text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    minutes              smallint NOT NULL CHECK (minutes BETWEEN 0 AND 600),
    presenter_org_id     bigint REFERENCES organization(id),
    presenter_account_id bigint REFERENCES account(id),
    notes                text CHECK (notes IS NULL OR length(notes) <= 2000),
    UNIQUE (meeting_id, position)
);

-- Agenda templates: built in (no owner) or saved by an organization for its own use.
CREATE TABLE agenda_template (
    id           bigserial PRIMARY KEY,
    code         text UNIQUE,
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind         text NOT NULL CHECK (kind IN ('PROGRAM_ONLINE', 'VISIT', 'EXCHANGE', 'LIAISON', 'SEMINAR')),
    owner_org_id bigint REFERENCES organization(id),
    created_by   bigint REFERENCES account(id),
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE agenda_template_item (
    id          bigserial PRIMARY KEY,
    template_id bigint NOT NULL REFERENCES agenda_template(id) ON DELETE CASCADE,
    position    smallint NOT NULL,
    item_type   text NOT NULL,
    title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    minutes     smallint NOT NULL CHECK (minutes BETWEEN 0 AND 600),
    UNIQUE (template_id, position)
);

-- Who came, per person and organization (walk-ins without an invitation too).
CREATE TABLE attendance (
    id              bigserial PRIMARY KEY,
    meeting_id      bigint NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    invitee_id      bigint REFERENCES meeting_invitee(id) ON DELETE SET NULL,
    organization_id bigint REFERENCES organization(id),
    name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    mode            text NOT NULL CHECK (mode IN ('IN_PERSON', 'ONLINE')),
    recorded_by     bigint REFERENCES account(id),
    recorded_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX attendance_meeting ON attendance (meeting_id);

-- Minutes per agenda item in the shape the networks use: テーマ / 内容 / 結果.
CREATE TABLE minutes_item (
    id             bigserial PRIMARY KEY,
    meeting_id     bigint NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    position       smallint NOT NULL,
    agenda_item_id bigint REFERENCES agenda_item(id) ON DELETE SET NULL,
    theme          text NOT NULL CHECK (length(theme) BETWEEN 1 AND 300),
    content        text CHECK (content IS NULL OR length(content) <= 8000),
    results        text CHECK (results IS NULL OR length(results) <= 8000),
    UNIQUE (meeting_id, position)
);

-- Action items (確認事項): they stay on the series' next agendas until done.
CREATE TABLE action_item (
    id               bigserial PRIMARY KEY,
    meeting_id       bigint NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    series_id        bigint REFERENCES meeting_series(id),
    title            text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    owner_org_id     bigint REFERENCES organization(id),
    owner_account_id bigint REFERENCES account(id),
    due_on           date,
    status           text NOT NULL CHECK (status IN ('OPEN', 'DONE')),
    done_on          date,
    created_by       bigint REFERENCES account(id),
    created_at       timestamptz NOT NULL DEFAULT now(),
    version          integer NOT NULL DEFAULT 0,
    CHECK (status = 'OPEN' OR done_on IS NOT NULL)
);
CREATE INDEX action_item_series_open ON action_item (series_id) WHERE status = 'OPEN';

-- Private iCalendar feed URLs (per person, or a person's view of one circle). Only the hash is stored.
CREATE TABLE calendar_feed (
    id         bigserial PRIMARY KEY,
    token_hash text NOT NULL UNIQUE,
    account_id bigint NOT NULL REFERENCES account(id) ON DELETE CASCADE,
    circle_id  bigint REFERENCES circle(id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz
);
CREATE UNIQUE INDEX calendar_feed_active ON calendar_feed (account_id, coalesce(circle_id, 0)) WHERE revoked_at IS NULL;

-- Questionnaire module (reusable): a questionnaire about a subject (e.g. a meeting), its
-- questions and options, one response per respondent, and a follow-up ("how your input was used").
CREATE TABLE questionnaire (
    id           bigserial PRIMARY KEY,
    subject_type text NOT NULL CHECK (subject_type ~ '^[a-z-]{1,40}$'),
    subject_id   bigint NOT NULL,
    title_ja     text NOT NULL CHECK (length(title_ja) BETWEEN 1 AND 200),
    title_en     text NOT NULL CHECK (length(title_en) BETWEEN 1 AND 200),
    created_at   timestamptz NOT NULL DEFAULT now(),
    closes_at    timestamptz,
    followup     text CHECK (followup IS NULL OR length(followup) <= 4000),
    followup_at  timestamptz,
    UNIQUE (subject_type, subject_id)
);

CREATE TABLE questionnaire_question (
    id               bigserial PRIMARY KEY,
    questionnaire_id bigint NOT NULL REFERENCES questionnaire(id) ON DELETE CASCADE,
    position         smallint NOT NULL,
    code             text NOT NULL CHECK (code ~ '^[a-z0-9-]{1,40}$'),
    kind             text NOT NULL CHECK (kind IN ('SINGLE', 'MULTI', 'TEXT')),
    label_ja         text NOT NULL CHECK (length(label_ja) BETWEEN 1 AND 300),
    label_en         text NOT NULL CHECK (length(label_en) BETWEEN 1 AND 300),
    required         boolean NOT NULL DEFAULT false,
    UNIQUE (questionnaire_id, code),
    UNIQUE (questionnaire_id, position)
);

CREATE TABLE questionnaire_option (
    id          bigserial PRIMARY KEY,
    question_id bigint NOT NULL REFERENCES questionnaire_question(id) ON DELETE CASCADE,
    position    smallint NOT NULL,
    code        text NOT NULL CHECK (code ~ '^[a-z0-9-]{1,40}$'),
    label_ja    text NOT NULL CHECK (length(label_ja) BETWEEN 1 AND 200),
    label_en    text NOT NULL CHECK (length(label_en) BETWEEN 1 AND 200),
    UNIQUE (question_id, code)
);

CREATE TABLE questionnaire_response (
    id               bigserial PRIMARY KEY,
    questionnaire_id bigint NOT NULL REFERENCES questionnaire(id) ON DELETE CASCADE,
    respondent       text NOT NULL CHECK (respondent ~ '^[a-z]+:[0-9]+$'),
    submitted_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (questionnaire_id, respondent)
);

CREATE TABLE questionnaire_answer (
    id          bigserial PRIMARY KEY,
    response_id bigint NOT NULL REFERENCES questionnaire_response(id) ON DELETE CASCADE,
    question_id bigint NOT NULL REFERENCES questionnaire_question(id) ON DELETE CASCADE,
    option_code text,
    text_value  text CHECK (text_value IS NULL OR length(text_value) <= 2000),
    CHECK (option_code IS NOT NULL OR text_value IS NOT NULL)
);
CREATE INDEX questionnaire_answer_question ON questionnaire_answer (question_id);

-- Built-in agenda templates: the FY2023 program's online meetings 1–3 (notes-001 §3.3) and the
-- exchange-meeting program (notes-001 §3.7 pair 3 / §3.8). CONFIRMATION items become action items.
INSERT INTO agenda_template (code, name, kind) VALUES
    ('program-online-1', 'ペア事業 オンライン会議 第1回（令和5年度）', 'PROGRAM_ONLINE'),
    ('program-online-2', 'ペア事業 オンライン会議 第2回（令和5年度）', 'PROGRAM_ONLINE'),
    ('program-online-3', 'ペア事業 オンライン会議 第3回（令和5年度）', 'PROGRAM_ONLINE'),
    ('exchange-program', '情報交換会の標準プログラム（説明・講義・グループワーク・求人情報・交流）', 'EXCHANGE');
INSERT INTO agenda_template_item (template_id, position, item_type, title, minutes)
SELECT t.id, v.pos, v.type, v.title, v.minutes FROM agenda_template t JOIN (VALUES
    ('program-online-1', 1, 'INTRODUCTION', '自己紹介（実施センター・応援センター・担当役員・事務局）', 20),
    ('program-online-1', 2, 'BRIEFING', '事務局説明（今年度事業の概要／昨年度事業の振り返り）', 30),
    ('program-online-1', 3, 'CONFIRMATION', '応援センター訪問日程の確認', 20),
    ('program-online-1', 4, 'CONFIRMATION', '意識調査送付先リストの作成', 20),
    ('program-online-2', 1, 'REVIEW', '応援センター訪問の振り返り', 30),
    ('program-online-2', 2, 'DISCUSSION', '今後のモデル的取組のポイントの共有', 20),
    ('program-online-2', 3, 'BRIEFING', '意識調査結果（速報データ）の共有', 20),
    ('program-online-2', 4, 'CONFIRMATION', '実施センター訪問日程の確認', 10),
    ('program-online-2', 5, 'CONFIRMATION', '事業報告セミナーの確認', 10),
    ('program-online-3', 1, 'REVIEW', '実施センター訪問の振り返り', 30),
    ('program-online-3', 2, 'DISCUSSION', '意識調査結果の分析', 30),
    ('program-online-3', 3, 'CONFIRMATION', 'セミナー報告資料の作成要領の確認', 15),
    ('program-online-3', 4, 'CONFIRMATION', 'セミナー当日の予定の確認', 15),
    ('exchange-program', 1, 'OPENING', '開会・趣旨説明', 5),
    ('exchange-program', 2, 'BRIEFING', '行政説明', 30),
    ('exchange-program', 3, 'LECTURE', '講義', 60),
    ('exchange-program', 4, 'BREAK', '休憩', 10),
    ('exchange-program', 5, 'GROUP_WORK', 'グループワーク', 60),
    ('exchange-program', 6, 'JOB_INFO', '求人情報の共有', 10),
    ('exchange-program', 7, 'SOCIAL', '交流の時間', 15),
    ('exchange-program', 8, 'CLOSING', '閉会', 5)
) AS v(code, pos, type, title, minutes) ON v.code = t.code;

-- Surveys (意識調査, issue 17): the questionnaire module grows into a builder — sections, scales,
-- number tables, "other (free text)" options, conditional display and hints — and a survey sends one
-- of its questionnaires to organizations chosen from the directory, each by a personal link (or on
-- paper, keyed in by staff), one answer per organization, editable until the deadline.

CREATE TABLE questionnaire_section (
    id               bigserial PRIMARY KEY,
    questionnaire_id bigint NOT NULL REFERENCES questionnaire(id) ON DELETE CASCADE,
    position         smallint NOT NULL CHECK (position BETWEEN 1 AND 30),
    title_ja         text NOT NULL CHECK (length(title_ja) BETWEEN 1 AND 300),
    title_en         text NOT NULL CHECK (length(title_en) BETWEEN 1 AND 300),
    UNIQUE (questionnaire_id, position)
);

ALTER TABLE questionnaire ADD COLUMN intro_ja text CHECK (intro_ja IS NULL OR length(intro_ja) <= 4000);
ALTER TABLE questionnaire ADD COLUMN intro_en text CHECK (intro_en IS NULL OR length(intro_en) <= 4000);

ALTER TABLE questionnaire_question DROP CONSTRAINT questionnaire_question_kind_check;
ALTER TABLE questionnaire_question ADD CONSTRAINT questionnaire_question_kind_check
    CHECK (kind IN ('SINGLE', 'MULTI', 'TEXT', 'SCALE', 'NUMBER_TABLE'));
ALTER TABLE questionnaire_question
    ADD COLUMN section_id bigint REFERENCES questionnaire_section(id) ON DELETE CASCADE,
    ADD COLUMN hint_ja text CHECK (hint_ja IS NULL OR length(hint_ja) <= 500),
    ADD COLUMN hint_en text CHECK (hint_en IS NULL OR length(hint_en) <= 500),
    -- a scale's ends (SCALE only): 1–10 points, each end labelled
    ADD COLUMN scale_min smallint CHECK (scale_min IS NULL OR scale_min BETWEEN 0 AND 1),
    ADD COLUMN scale_max smallint CHECK (scale_max IS NULL OR scale_max BETWEEN 2 AND 10),
    ADD COLUMN scale_low_ja text CHECK (scale_low_ja IS NULL OR length(scale_low_ja) <= 100),
    ADD COLUMN scale_low_en text CHECK (scale_low_en IS NULL OR length(scale_low_en) <= 100),
    ADD COLUMN scale_high_ja text CHECK (scale_high_ja IS NULL OR length(scale_high_ja) <= 100),
    ADD COLUMN scale_high_en text CHECK (scale_high_en IS NULL OR length(scale_high_en) <= 100),
    -- shown only when an earlier choice question's answer holds one of these options
    ADD COLUMN shown_if_question text CHECK (shown_if_question IS NULL OR shown_if_question ~ '^[a-z0-9-]{1,40}$'),
    ADD COLUMN shown_if_options text[],
    ADD CONSTRAINT questionnaire_question_scale CHECK ((kind = 'SCALE') = (scale_min IS NOT NULL AND scale_max IS NOT NULL)),
    ADD CONSTRAINT questionnaire_question_shown_if CHECK ((shown_if_question IS NULL) = (shown_if_options IS NULL));

-- options are a choice's options, or a number table's rows and columns; an "other" option asks for a text
ALTER TABLE questionnaire_option
    ADD COLUMN axis text NOT NULL DEFAULT 'CHOICE' CHECK (axis IN ('CHOICE', 'ROW', 'COLUMN')),
    ADD COLUMN other boolean NOT NULL DEFAULT false,
    ADD CONSTRAINT questionnaire_option_other CHECK (NOT other OR axis = 'CHOICE');
ALTER TABLE questionnaire_option DROP CONSTRAINT questionnaire_option_question_id_code_key;
ALTER TABLE questionnaire_option ADD CONSTRAINT questionnaire_option_code UNIQUE (question_id, axis, code);

-- an answer is an option (with the "other" text), a text, a scale point, or a number in a table's cell
ALTER TABLE questionnaire_answer
    ADD COLUMN column_code text,
    ADD COLUMN number_value integer CHECK (number_value IS NULL OR number_value BETWEEN 0 AND 1000000);
ALTER TABLE questionnaire_answer DROP CONSTRAINT questionnaire_answer_check;
ALTER TABLE questionnaire_answer ADD CONSTRAINT questionnaire_answer_value
    CHECK (option_code IS NOT NULL OR text_value IS NOT NULL OR number_value IS NOT NULL);
CREATE INDEX questionnaire_answer_response ON questionnaire_answer (response_id);

ALTER TABLE questionnaire_response
    ADD COLUMN channel text NOT NULL DEFAULT 'ONLINE' CHECK (channel IN ('ONLINE', 'PAPER')),
    ADD COLUMN entered_by bigint REFERENCES account(id) ON DELETE SET NULL,
    ADD COLUMN updated_at timestamptz;

-- A survey: an owner (the secretariat or an implementing center, for its own area), a deadline (the
-- end of that day in Tokyo), recipients and the circles its results are shared into.
CREATE TABLE survey (
    id                    bigserial PRIMARY KEY,
    owner_organization_id bigint NOT NULL REFERENCES organization(id),
    program_id            bigint REFERENCES program(id) ON DELETE SET NULL,
    status                text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'SENT')),
    opens_on              date,
    deadline              date NOT NULL,
    -- the automatic reminder to those who have not answered (claimed once, whatever runs it)
    remind_on             date,
    reminder_claimed_at   timestamptz,
    -- demo data: answers beyond the report's published figures are invented, and the pages say so
    fictitious            boolean NOT NULL DEFAULT false,
    created_by            bigint REFERENCES account(id) ON DELETE SET NULL,
    created_at            timestamptz NOT NULL DEFAULT now(),
    sent_at               timestamptz,
    version               integer NOT NULL DEFAULT 0,
    CHECK (opens_on IS NULL OR deadline >= opens_on),
    CHECK (remind_on IS NULL OR remind_on <= deadline)
);
CREATE INDEX survey_owner ON survey (owner_organization_id);

CREATE TABLE survey_recipient (
    id                  bigserial PRIMARY KEY,
    survey_id           bigint NOT NULL REFERENCES survey(id) ON DELETE CASCADE,
    organization_id     bigint NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
    -- the address the link went to (the organization's contact at sending time), NULL: on paper only
    email               text CHECK (email IS NULL OR length(email) <= 254),
    token_hash          text UNIQUE,
    previous_token_hash text UNIQUE,
    added_by            bigint REFERENCES account(id) ON DELETE SET NULL,
    added_at            timestamptz NOT NULL DEFAULT now(),
    sent_at             timestamptz,
    reminded_at         timestamptz,
    reminders           smallint NOT NULL DEFAULT 0,
    answered_at         timestamptz,
    response_id         bigint REFERENCES questionnaire_response(id) ON DELETE SET NULL,
    UNIQUE (survey_id, organization_id)
);
CREATE INDEX survey_recipient_open ON survey_recipient (survey_id) WHERE answered_at IS NULL;

CREATE TABLE survey_share (
    survey_id bigint NOT NULL REFERENCES survey(id) ON DELETE CASCADE,
    circle_id bigint NOT NULL REFERENCES circle(id) ON DELETE CASCADE,
    shared_by bigint REFERENCES account(id) ON DELETE SET NULL,
    shared_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (survey_id, circle_id)
);
CREATE INDEX survey_share_circle ON survey_share (circle_id);

-- the builder's labels are up to 300 characters everywhere
ALTER TABLE questionnaire DROP CONSTRAINT questionnaire_title_ja_check, DROP CONSTRAINT questionnaire_title_en_check,
    ADD CONSTRAINT questionnaire_title_ja_check CHECK (length(title_ja) BETWEEN 1 AND 300),
    ADD CONSTRAINT questionnaire_title_en_check CHECK (length(title_en) BETWEEN 1 AND 300);
ALTER TABLE questionnaire_option DROP CONSTRAINT questionnaire_option_label_ja_check, DROP CONSTRAINT questionnaire_option_label_en_check,
    ADD CONSTRAINT questionnaire_option_label_ja_check CHECK (length(label_ja) BETWEEN 1 AND 300),
    ADD CONSTRAINT questionnaire_option_label_en_check CHECK (length(label_en) BETWEEN 1 AND 300);

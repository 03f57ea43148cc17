-- Tsunagu foundation: prefectures, catchment areas, organizations, people (accounts) and their
-- memberships, circles, invitations, sessions, sign-in throttling and the audit log.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE prefecture (
    code      smallint PRIMARY KEY CHECK (code BETWEEN 1 AND 47),
    name_ja   text NOT NULL UNIQUE,
    name_en   text NOT NULL UNIQUE,
    region_ja text NOT NULL,
    region_en text NOT NULL
);

-- 圏域: the catchment area of a center (often a 障害保健福祉圏域).
CREATE TABLE catchment_area (
    id              bigserial PRIMARY KEY,
    prefecture_code smallint NOT NULL REFERENCES prefecture(code),
    code            text UNIQUE,
    name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind            text NOT NULL DEFAULT 'CATCHMENT' CHECK (kind IN ('WELFARE_REGION', 'CATCHMENT')),
    population      integer CHECK (population IS NULL OR population >= 0),
    count_transition  integer CHECK (count_transition IS NULL OR count_transition >= 0),
    count_retention   integer CHECK (count_retention IS NULL OR count_retention >= 0),
    count_type_a      integer CHECK (count_type_a IS NULL OR count_type_a >= 0),
    count_type_b      integer CHECK (count_type_b IS NULL OR count_type_b >= 0),
    count_hello_work  integer CHECK (count_hello_work IS NULL OR count_hello_work >= 0),
    counts_as_of      text CHECK (counts_as_of IS NULL OR length(counts_as_of) <= 100),
    note            text CHECK (note IS NULL OR length(note) <= 2000),
    UNIQUE (prefecture_code, name)
);

CREATE TABLE catchment_municipality (
    area_id  bigint NOT NULL REFERENCES catchment_area(id) ON DELETE CASCADE,
    position smallint NOT NULL,
    name     text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    PRIMARY KEY (area_id, position)
);

CREATE TABLE organization (
    id                    bigserial PRIMARY KEY,
    code                  text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,80}$'),
    name                  text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    short_name            text CHECK (short_name IS NULL OR length(short_name) <= 100),
    org_type              text NOT NULL CHECK (org_type IN (
                              'NAKAPOTSU', 'TRANSITION_SUPPORT', 'RETENTION_SUPPORT', 'CONTINUOUS_A',
                              'CONTINUOUS_B', 'HELLO_WORK', 'VOCATIONAL_CENTER', 'CONSULTATION',
                              'SPECIAL_NEEDS_SCHOOL', 'MUNICIPALITY', 'COMPANY', 'NATIONAL_NETWORK', 'OTHER')),
    prefecture_code       smallint REFERENCES prefecture(code),
    municipality          text CHECK (municipality IS NULL OR length(municipality) <= 100),
    address               text CHECK (address IS NULL OR length(address) <= 300),
    operating_corporation text CHECK (operating_corporation IS NULL OR length(operating_corporation) <= 200),
    opened_on             date,
    website               text CHECK (website IS NULL OR (length(website) <= 500 AND website ~ '^https?://')),
    identity_statement    text CHECK (identity_statement IS NULL OR length(identity_statement) <= 4000),
    staff_total           integer CHECK (staff_total IS NULL OR staff_total BETWEEN 0 AND 10000),
    staff_composition     text CHECK (staff_composition IS NULL OR length(staff_composition) <= 1000),
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    version               integer NOT NULL DEFAULT 0
);
CREATE INDEX organization_type_pref ON organization (org_type, prefecture_code);
CREATE INDEX organization_name_trgm ON organization USING gin (name gin_trgm_ops);

-- 担当圏域: the catchment areas an organization serves (a center may serve several regions).
CREATE TABLE organization_area (
    organization_id bigint NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
    area_id         bigint NOT NULL REFERENCES catchment_area(id) ON DELETE CASCADE,
    PRIMARY KEY (organization_id, area_id)
);
CREATE INDEX organization_area_area ON organization_area (area_id);

-- A person who can sign in. Role decides what kind of user they are; memberships tie them to
-- organizations (and through them to circles).
CREATE TABLE account (
    id            bigserial PRIMARY KEY,
    email         text NOT NULL CHECK (length(email) <= 254 AND email = lower(email)),
    display_name  text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
    display_kana  text CHECK (display_kana IS NULL OR length(display_kana) <= 100),
    password_hash text NOT NULL,
    role          text NOT NULL CHECK (role IN ('network-admin', 'center-lead', 'center-staff',
                                                'partner-staff', 'advisor', 'sysadmin')),
    locale        text NOT NULL DEFAULT 'ja' CHECK (locale IN ('ja', 'en')),
    active        boolean NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    password_changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX account_email ON account (email);

CREATE TABLE membership (
    account_id      bigint NOT NULL REFERENCES account(id) ON DELETE CASCADE,
    organization_id bigint NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
    title           text CHECK (title IS NULL OR length(title) <= 100),
    since           date NOT NULL DEFAULT current_date,
    PRIMARY KEY (account_id, organization_id)
);
CREATE INDEX membership_org ON membership (organization_id);

-- A named group of organizations: an exchange-meeting group, a prefecture council, later a pair.
CREATE TABLE circle (
    id              bigserial PRIMARY KEY,
    code            text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,80}$'),
    name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind            text NOT NULL CHECK (kind IN ('EXCHANGE_MEETING', 'PREFECTURE_COUNCIL', 'PAIR', 'NETWORK', 'OTHER')),
    prefecture_code smallint REFERENCES prefecture(code),
    description     text CHECK (description IS NULL OR length(description) <= 4000),
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE circle_member (
    circle_id       bigint NOT NULL REFERENCES circle(id) ON DELETE CASCADE,
    organization_id bigint NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
    is_owner        boolean NOT NULL DEFAULT false,
    joined_on       date NOT NULL DEFAULT current_date,
    PRIMARY KEY (circle_id, organization_id)
);
CREATE INDEX circle_member_org ON circle_member (organization_id);

-- Single-use invitation links. Only the SHA-256 of the token is stored.
CREATE TABLE invitation (
    id              bigserial PRIMARY KEY,
    token_hash      text NOT NULL UNIQUE,
    email           text NOT NULL CHECK (length(email) <= 254 AND email = lower(email)),
    organization_id bigint NOT NULL REFERENCES organization(id),
    role            text NOT NULL CHECK (role IN ('center-lead', 'center-staff', 'partner-staff', 'advisor', 'network-admin')),
    title           text CHECK (title IS NULL OR length(title) <= 100),
    invited_by      bigint NOT NULL REFERENCES account(id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL,
    used_at         timestamptz,
    used_by         bigint REFERENCES account(id)
);

-- One row per signed-in session; the token's jti. Sign-out and password change revoke rows.
CREATE TABLE auth_session (
    id          uuid PRIMARY KEY,
    account_id  bigint NOT NULL REFERENCES account(id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    revoked_at  timestamptz
);
CREATE INDEX auth_session_account ON auth_session (account_id);

-- Failed sign-ins per e-mail address (known or not, so lock-out reveals nothing).
CREATE TABLE login_throttle (
    email          text PRIMARY KEY,
    failures       integer NOT NULL DEFAULT 0,
    last_failure_at timestamptz,
    locked_until   timestamptz
);

-- Append-only security log.
CREATE TABLE audit_event (
    id          bigserial PRIMARY KEY,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    event_type  text NOT NULL,
    actor_id    bigint REFERENCES account(id),
    actor_email text,
    subject     text,
    ip          text,
    detail      text
);
CREATE INDEX audit_event_time ON audit_event (occurred_at DESC);

CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only';
END;
$$;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

INSERT INTO prefecture (code, name_ja, name_en, region_ja, region_en) VALUES
 (1,'北海道','Hokkaido','北海道','Hokkaido'),
 (2,'青森県','Aomori','東北','Tohoku'),(3,'岩手県','Iwate','東北','Tohoku'),(4,'宮城県','Miyagi','東北','Tohoku'),
 (5,'秋田県','Akita','東北','Tohoku'),(6,'山形県','Yamagata','東北','Tohoku'),(7,'福島県','Fukushima','東北','Tohoku'),
 (8,'茨城県','Ibaraki','関東','Kanto'),(9,'栃木県','Tochigi','関東','Kanto'),(10,'群馬県','Gunma','関東','Kanto'),
 (11,'埼玉県','Saitama','関東','Kanto'),(12,'千葉県','Chiba','関東','Kanto'),(13,'東京都','Tokyo','関東','Kanto'),
 (14,'神奈川県','Kanagawa','関東','Kanto'),
 (15,'新潟県','Niigata','中部','Chubu'),(16,'富山県','Toyama','中部','Chubu'),(17,'石川県','Ishikawa','中部','Chubu'),
 (18,'福井県','Fukui','中部','Chubu'),(19,'山梨県','Yamanashi','中部','Chubu'),(20,'長野県','Nagano','中部','Chubu'),
 (21,'岐阜県','Gifu','中部','Chubu'),(22,'静岡県','Shizuoka','中部','Chubu'),(23,'愛知県','Aichi','中部','Chubu'),
 (24,'三重県','Mie','近畿','Kinki'),(25,'滋賀県','Shiga','近畿','Kinki'),(26,'京都府','Kyoto','近畿','Kinki'),
 (27,'大阪府','Osaka','近畿','Kinki'),(28,'兵庫県','Hyogo','近畿','Kinki'),(29,'奈良県','Nara','近畿','Kinki'),
 (30,'和歌山県','Wakayama','近畿','Kinki'),
 (31,'鳥取県','Tottori','中国','Chugoku'),(32,'島根県','Shimane','中国','Chugoku'),(33,'岡山県','Okayama','中国','Chugoku'),
 (34,'広島県','Hiroshima','中国','Chugoku'),(35,'山口県','Yamaguchi','中国','Chugoku'),
 (36,'徳島県','Tokushima','四国','Shikoku'),(37,'香川県','Kagawa','四国','Shikoku'),(38,'愛媛県','Ehime','四国','Shikoku'),
 (39,'高知県','Kochi','四国','Shikoku'),
 (40,'福岡県','Fukuoka','九州・沖縄','Kyushu-Okinawa'),(41,'佐賀県','Saga','九州・沖縄','Kyushu-Okinawa'),
 (42,'長崎県','Nagasaki','九州・沖縄','Kyushu-Okinawa'),(43,'熊本県','Kumamoto','九州・沖縄','Kyushu-Okinawa'),
 (44,'大分県','Oita','九州・沖縄','Kyushu-Okinawa'),(45,'宮崎県','Miyazaki','九州・沖縄','Kyushu-Okinawa'),
 (46,'鹿児島県','Kagoshima','九州・沖縄','Kyushu-Okinawa'),(47,'沖縄県','Okinawa','九州・沖縄','Kyushu-Okinawa');

-- Which demo data sets have been loaded (demo mode only).
CREATE TABLE demo_data_load (
    name      text PRIMARY KEY,
    loaded_at timestamptz NOT NULL DEFAULT now()
);

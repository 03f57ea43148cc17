-- Organizations correct their own profile: organizational contacts (never a person's), services,
-- capacity and vacancies with the date they were last confirmed (定員・空き状況), specialties,
-- opening hours and the 受給者証 types handled. An office registered by a center lead stays
-- unconfirmed (未確認) until the secretariat confirms it.
ALTER TABLE organization
    ADD COLUMN phone                  text CHECK (phone IS NULL OR phone ~ '^[0-9+() -]{6,30}$'),
    ADD COLUMN fax                    text CHECK (fax IS NULL OR fax ~ '^[0-9+() -]{6,30}$'),
    ADD COLUMN email                  text CHECK (email IS NULL OR (length(email) <= 254 AND email ~ '^[^@[:space:]]+@[^@[:space:]]+$')),
    ADD COLUMN services               text CHECK (services IS NULL OR length(services) <= 2000),
    ADD COLUMN specialties            text CHECK (specialties IS NULL OR length(specialties) <= 2000),
    ADD COLUMN opening_hours          text CHECK (opening_hours IS NULL OR length(opening_hours) <= 500),
    ADD COLUMN certificate_types      text CHECK (certificate_types IS NULL OR length(certificate_types) <= 300),
    ADD COLUMN capacity               integer CHECK (capacity IS NULL OR capacity BETWEEN 0 AND 10000),
    ADD COLUMN vacancies              integer CHECK (vacancies IS NULL OR vacancies BETWEEN 0 AND 10000),
    ADD COLUMN vacancies_confirmed_on date,
    ADD COLUMN confirmed              boolean NOT NULL DEFAULT true,
    ADD COLUMN registered_by          bigint REFERENCES account(id);
ALTER TABLE organization ADD CONSTRAINT organization_vacancies_confirmed_on
    CHECK (vacancies_confirmed_on IS NULL OR vacancies_confirmed_on >= DATE '2000-01-01');
ALTER TABLE organization ADD CONSTRAINT organization_vacancies_within_capacity
    CHECK (vacancies IS NULL OR capacity IS NULL OR vacancies <= capacity);

-- National-scale data for the benchmarks (fictitious, deterministic), run once on a fresh demo
-- database: centers up to 337, 5,000 partner organizations, 300 circles of about 20
-- organizations, 200,000 postings with Japanese titles and descriptions (search vectors are
-- filled by the application at start); then people, meetings, conferences and pairing (below).
-- ブリッジ (bridge@, the benchmark's user) belongs to 5 of the circles.
\set ON_ERROR_STOP on
SELECT setseed(0.42);

INSERT INTO organization (code, name, org_type, prefecture_code)
SELECT 'bench-center-' || g, '障害者就業・生活支援センター 試験' || g, 'NAKAPOTSU', 1 + (g % 47)
FROM generate_series(1, 337 - (SELECT count(*) FROM organization WHERE org_type = 'NAKAPOTSU')) g;

INSERT INTO organization (code, name, org_type, prefecture_code)
SELECT 'bench-partner-' || g, (ARRAY['就労移行支援事業所', '就労継続支援B型 ', '相談支援事業所', '特別支援学校 ', 'ハローワーク'])[1 + g % 5] || '試験' || g,
       (ARRAY['TRANSITION_SUPPORT', 'CONTINUOUS_B', 'CONSULTATION', 'SPECIAL_NEEDS_SCHOOL', 'HELLO_WORK'])[1 + g % 5], 1 + (g % 47)
FROM generate_series(1, 5000) g;

INSERT INTO circle (code, name, kind, prefecture_code)
SELECT 'bench-circle-' || g, '試験 情報交換会 ' || g, 'EXCHANGE_MEETING', 1 + (g % 47) FROM generate_series(1, 300) g;

-- about 20 member organizations per circle, from its prefecture mostly
INSERT INTO circle_member (circle_id, organization_id)
SELECT DISTINCT c.id, o.id FROM circle c
JOIN LATERAL (SELECT id FROM organization o WHERE o.prefecture_code = c.prefecture_code AND o.code LIKE 'bench-%'
              ORDER BY random() LIMIT 20) o ON true
WHERE c.code LIKE 'bench-circle-%';
INSERT INTO circle_member (circle_id, organization_id)
SELECT c.id, o.id FROM circle c, organization o
WHERE c.code IN ('bench-circle-13', 'bench-circle-60', 'bench-circle-107', 'bench-circle-154', 'bench-circle-201')
  AND o.code = 'okinawa-bridge' ON CONFLICT DO NOTHING;

CREATE TEMP TABLE words AS SELECT
  ARRAY['清掃', '事務補助', '軽作業', '品出し', '調理補助', 'ピッキング', '検品', 'データ入力', '洗浄', '製造補助', '農作業', '配送補助', '介護補助', 'ベッドメイク', '仕分け'] AS job,
  ARRAY['株式会社', '有限会社', '医療法人', '社会福祉法人'] AS form,
  ARRAY['みどり', 'さくら', 'あおば', 'ひかり', 'ひまわり', 'わかば', 'つばさ', 'なごみ', 'ゆたか', 'こだま'] AS name,
  ARRAY['物流', 'フーズ', 'サービス', '工業', 'ケア', 'マート', '農園', 'ホテル', '印刷', 'クリーン'] AS kind,
  ARRAY['午前のみの勤務から始められます。', '作業手順は写真付きで説明します。', '2人1組で作業します。', '静かな環境で集中して作業できます。',
        '慣れたら勤務時間を延ばせます。', '通院日の休みに配慮します。', 'ジョブコーチの支援を受け入れています。', '昼休みは休憩室を使えます。'] AS note;

INSERT INTO posting (kind, owner_org_id, title, company_name, prefecture_code, job_category, employment_type, hours_per_week,
    short_hours, split_shift, wage_type, wage_yen, description, source, hello_work_number, do_not_forward, visibility,
    expires_on, status, created_at)
SELECT 'JOB', o.id,
       w.job[1 + ((g * 2654435761) % 4294967296) % 15] || 'スタッフ（' || (ARRAY['短時間', '週3日から', '午前', '午後', '正社員登用あり'])[1 + g % 5] || '）',
       w.form[1 + g % 4] || w.name[1 + (g / 4) % 10] || w.kind[1 + (g / 40) % 10],
       1 + (g * 13) % 47,
       (ARRAY['CLEANING', 'OFFICE', 'LIGHT_WORK', 'RETAIL', 'FOOD', 'LOGISTICS', 'LIGHT_WORK', 'IT', 'FOOD', 'MANUFACTURING', 'AGRICULTURE', 'LOGISTICS', 'CARE', 'CLEANING', 'LIGHT_WORK'])[1 + ((g * 2654435761) % 4294967296) % 15],
       (ARRAY['PART_TIME', 'CONTRACT', 'REGULAR', 'PART_TIME'])[1 + g % 4],
       10 + (g % 30), g % 3 = 0, g % 7 = 0, 'HOURLY', 950 + (g % 300),
       w.job[1 + ((g::bigint * 40503) % 65536) % 15] || 'などの仕事です。' || w.note[1 + g % 8] || w.note[1 + (g / 8) % 8],
       (ARRAY['COMPANY', 'HELLO_WORK', 'FLYER', 'COMPANY'])[1 + g % 4],
       CASE WHEN g % 4 = 1 THEN lpad(((1 + (g * 13) % 47) * 1000 + 10)::text, 5, '0') || '-' || lpad(g::text, 8, '0') END,
       g % 10 = 0,
       CASE WHEN (g / 11) % 20 = 0 THEN 'ORGANIZATION' WHEN (g / 11) % 5 = 1 THEN 'NETWORK' ELSE 'CIRCLES' END,
       current_date + 1 + g % 60, CASE WHEN g % 10 = 9 THEN 'FILLED' ELSE 'OPEN' END,
       now() - (g % 90) * interval '1 day'
FROM generate_series(1, 200000) g, words w,
     LATERAL (SELECT id FROM organization WHERE code = 'bench-partner-' || (1 + (g * 31) % 5000)) o;

-- each non-public posting shared into one or two circles
INSERT INTO posting_share (posting_id, circle_id, shared_by_org_id)
SELECT p.id, c.id, p.owner_org_id FROM posting p
JOIN circle c ON c.code = 'bench-circle-' || (1 + (p.id * 17) % 300)
WHERE p.visibility = 'CIRCLES' AND p.owner_org_id IN (SELECT id FROM organization WHERE code LIKE 'bench-partner-%')
ON CONFLICT DO NOTHING;
INSERT INTO posting_share (posting_id, circle_id, shared_by_org_id)
SELECT p.id, c.id, p.owner_org_id FROM posting p
JOIN circle c ON c.code = 'bench-circle-' || (1 + (p.id * 29) % 300)
WHERE p.visibility = 'CIRCLES' AND p.id % 3 = 0
  AND p.owner_org_id IN (SELECT id FROM organization WHERE code LIKE 'bench-partner-%') ON CONFLICT DO NOTHING;
ANALYZE organization; ANALYZE circle; ANALYZE circle_member; ANALYZE posting; ANALYZE posting_share;

-- ---------------------------------------------------------------------------------------------
-- People, meetings, case conferences and pairing program years at national scale (fictitious).
-- Everything below is computed from generate_series arithmetic (no random()); ids are taken from
-- the tables' own sequences first so that the rows can be linked before they are written. Dates
-- are relative to the day the script runs (Tokyo time), like the demo data's.
--   accounts: 20,000 in total (40 advisors, 8 per bench center — its lead and staff —, the rest
--             partner staff spread over the 5,000 partner organizations; all sign in with the
--             demo password, e-mail bench-user-N@bench.tsunagu.invalid)
--   meetings: 10,000 in the bench circles (500 series of 10 meetings, 5,000 single meetings) with
--             organizers, venues, agendas, invitees and their answers, polls, attendance,
--             minutes and action items
--   case conferences: 2,000 with phases, attendees, case sheets, support teams, boards,
--             learnings and reads (held ones within the 90-day retention, older ones deleted)
--   pairing: FY2024–FY2026 with 50 pairs each (applications, PAIR circles, milestones, visits,
--             self-assessments, reports and comments)
SELECT (now() AT TIME ZONE 'Asia/Tokyo')::date AS today \gset
SELECT count(*) AS nc FROM organization WHERE code LIKE 'bench-center-%' \gset

CREATE TEMP TABLE bench_center AS
SELECT row_number() OVER (ORDER BY id) AS n, id FROM organization WHERE code LIKE 'bench-center-%';
CREATE TEMP TABLE bench_partner AS
SELECT row_number() OVER (ORDER BY id) AS n, id FROM organization WHERE code LIKE 'bench-partner-%';
CREATE TEMP TABLE bench_circle AS
SELECT substring(code FROM 14)::int AS n, id, prefecture_code FROM circle WHERE code LIKE 'bench-circle-%';

-- ---- accounts and memberships ----
CREATE TEMP TABLE bench_person AS
SELECT nextval(pg_get_serial_sequence('account', 'id')) AS id, x.* FROM (
  SELECT g AS n,
         CASE WHEN g <= 40 THEN 'advisor'
              WHEN g <= 40 + 8 * :nc THEN CASE WHEN (g - 41) % 8 = 0 THEN 'center-lead' ELSE 'center-staff' END
              ELSE 'partner-staff' END AS role,
         CASE WHEN g <= 40 THEN NULL WHEN g <= 40 + 8 * :nc THEN c.id ELSE p.id END AS org_id,
         CASE WHEN g <= 40 THEN NULL
              WHEN g <= 40 + 8 * :nc THEN (ARRAY['センター長', '主任就業支援担当', '就業支援担当', '生活支援担当', '就業支援担当',
                                               '生活支援担当', '定着支援担当', '就業支援担当'])[1 + (g - 41) % 8]
              ELSE (ARRAY['サービス管理責任者', '職業指導員', '生活支援員', '就労支援員', '相談支援専門員'])[1 + ((g - 41 - 8 * :nc) / 5000 + g) % 5] END AS title,
         (g > 40 AND g <= 40 + 8 * :nc AND (g - 41) % 8 = 0) OR (g > 40 + 8 * :nc AND g - 41 - 8 * :nc < 5000) AS is_admin,
         (ARRAY['試験', '見本', '架空', '模擬', '仮名'])[1 + g % 5] || ' '
           || (ARRAY['太郎', '花子', '次郎', 'さくら', '健', '陽子', '翔', '美咲', '大輔', '直美'])[1 + (g / 5) % 10] || g AS display_name,
         (ARRAY['しけん', 'みほん', 'かくう', 'もぎ', 'かめい'])[1 + g % 5] || ' '
           || (ARRAY['たろう', 'はなこ', 'じろう', 'さくら', 'けん', 'ようこ', 'しょう', 'みさき', 'だいすけ', 'なおみ'])[1 + (g / 5) % 10] AS display_kana,
         'bench-user-' || g || '@bench.tsunagu.invalid' AS email
  FROM generate_series(1, 20000 - (SELECT count(*) FROM account)) g
  LEFT JOIN bench_center c ON g > 40 AND g <= 40 + 8 * :nc AND c.n = 1 + (g - 41) / 8
  LEFT JOIN bench_partner p ON g > 40 + 8 * :nc AND p.n = 1 + (g - 41 - 8 * :nc) % 5000
  ORDER BY g) x;

INSERT INTO account (id, email, display_name, display_kana, password_hash, role, created_at, password_changed_at)
SELECT b.id, b.email, b.display_name, b.display_kana, h.password_hash, b.role,
       now() - (b.n % 1500) * interval '1 day', now() - (b.n % 1500) * interval '1 day'
FROM bench_person b, (SELECT password_hash FROM account WHERE email = 'bridge@demo.tsunagu.jp') h;
INSERT INTO membership (account_id, organization_id, title, since, is_admin)
SELECT id, org_id, title, :'today'::date - (n % 1500)::int, is_admin FROM bench_person WHERE org_id IS NOT NULL;

-- the people of each bench circle (through their organizations' memberships), numbered per circle
CREATE TEMP TABLE circle_people AS
SELECT x.*, row_number() OVER (PARTITION BY x.circle_id ORDER BY x.account_id) AS rn,
       count(*) OVER (PARTITION BY x.circle_id) AS cnt
FROM (SELECT DISTINCT ON (cm.circle_id, a.id) cm.circle_id, a.id AS account_id, ms.organization_id AS org_id,
             a.display_name AS name, a.email
      FROM bench_circle c JOIN circle_member cm ON cm.circle_id = c.id
      JOIN membership ms ON ms.organization_id = cm.organization_id JOIN account a ON a.id = ms.account_id AND a.active
      ORDER BY cm.circle_id, a.id, ms.organization_id) x;
CREATE INDEX ON circle_people (circle_id, rn);
-- each circle's host: a member center (else partner) with its administrator
CREATE TEMP TABLE circle_host AS
SELECT DISTINCT ON (c.id) c.id AS circle_id, c.n, c.prefecture_code, o.id AS org_id, ms.account_id
FROM bench_circle c JOIN circle_member cm ON cm.circle_id = c.id
JOIN organization o ON o.id = cm.organization_id AND o.code LIKE 'bench-%'
JOIN membership ms ON ms.organization_id = o.id AND ms.is_admin
ORDER BY c.id, o.org_type <> 'NAKAPOTSU', o.id, ms.account_id;

-- ---- meeting series and meetings ----
CREATE TEMP TABLE bench_series AS
SELECT nextval(pg_get_serial_sequence('meeting_series', 'id')) AS id, x.* FROM (
  SELECT k, h.circle_id, h.org_id, h.account_id, ((k - 1) / 300 + k) % 5 AS t
  FROM generate_series(1, 500) k JOIN circle_host h ON h.n = 1 + (k - 1) % 300 ORDER BY k) x;
INSERT INTO meeting_series (id, circle_id, title, kind, default_weekday, default_start, default_minutes, per_year_min,
                            per_year_max, created_by, created_at)
SELECT id, circle_id, (ARRAY['就労移行等情報交換会', '定着支援連絡会', '就労支援ネットワーク会議', '企業連携部会', '実習先開拓ワーキング'])[1 + t],
       CASE WHEN t IN (1, 3) THEN 'LIAISON' ELSE 'EXCHANGE' END, 1 + k % 5, TIME '13:00' + (k % 4) * interval '1 hour',
       90 + (k % 3) * 30, 4, 6, account_id, now() - interval '500 days'
FROM bench_series;
INSERT INTO meeting_series_organizer (series_id, organization_id) SELECT id, org_id FROM bench_series;

CREATE TEMP TABLE bench_meeting AS
WITH base AS (
  SELECT g, CASE WHEN g <= 5000 THEN 1 + (g - 1) % 500 END AS k, CASE WHEN g <= 5000 THEN 1 + (g - 1) / 500 END AS number,
         CASE WHEN g <= 5000 THEN ((1 + (g - 1) / 500) - 8) * 60 + (1 + (g - 1) % 500) % 30 - 15
              ELSE -540 + (g * 37) % 720 END AS d0
  FROM generate_series(1, 10000) g),
timed AS (
  SELECT b.*, CASE WHEN d0 IN (0, 1) THEN d0 + 2 ELSE d0 END AS d FROM base b),
placed AS (
  SELECT t.*, coalesce(s.circle_id, h.circle_id) AS circle_id, coalesce(s.org_id, h.org_id) AS host_org,
         coalesce(s.account_id, h.account_id) AS created_by, s.id AS series_id,
         coalesce(CASE WHEN s.t IN (1, 3) THEN 'LIAISON' WHEN s.t IS NOT NULL THEN 'EXCHANGE' END,
                  CASE WHEN t.g % 10 = 0 THEN 'SEMINAR' WHEN t.g % 10 IN (1, 2) THEN 'LIAISON' ELSE 'EXCHANGE' END) AS kind,
         CASE WHEN s.id IS NOT NULL THEN '第' || t.number || '回 '
              || (ARRAY['就労移行等情報交換会', '定着支援連絡会', '就労支援ネットワーク会議', '企業連携部会', '実習先開拓ワーキング'])[1 + s.t]
              WHEN t.g % 10 = 0 THEN '試験 研修会「職場定着の支援」' || t.g
              WHEN t.g % 10 IN (1, 2) THEN '試験 関係機関連絡会議 ' || t.g
              ELSE '試験 情報交換会 ' || t.g END AS title,
         (((:'today'::date + t.d) + TIME '13:00' + (t.g % 4) * interval '1 hour') AT TIME ZONE 'Asia/Tokyo') AS plan_start,
         (90 + (t.g % 3) * 30) * interval '1 minute' AS length,
         CASE WHEN t.d < 0 THEN CASE WHEN t.g % 25 = 0 THEN 'CANCELLED' WHEN t.d <= -7 AND t.g % 3 <> 0 THEN 'MINUTES_PUBLISHED' ELSE 'HELD' END
              ELSE CASE WHEN t.g % 7 = 0 THEN 'SCHEDULING' WHEN t.g % 11 = 0 THEN 'DRAFT' ELSE 'SCHEDULED' END END AS status,
         (ARRAY['ONLINE', 'HYBRID', 'IN_PERSON', 'IN_PERSON'])[1 + t.g % 4] AS format
  FROM timed t
  LEFT JOIN bench_series s ON s.k = t.k
  LEFT JOIN circle_host h ON t.k IS NULL AND h.n = 1 + (t.g * 7) % 300)
SELECT nextval(pg_get_serial_sequence('meeting', 'id')) AS id, p.*,
       CASE WHEN status <> 'SCHEDULING' THEN plan_start END AS starts_at,
       CASE WHEN status <> 'SCHEDULING' THEN plan_start + length END AS ends_at,
       status = 'MINUTES_PUBLISHED' OR (status = 'HELD' AND g % 2 = 0) AS has_minutes,
       least(now() - interval '1 day', plan_start - interval '30 days') AS created_at
FROM placed p ORDER BY g;
CREATE INDEX ON bench_meeting (id);

INSERT INTO meeting (id, series_id, number, kind, title, circle_id, format, online_url, starts_at, ends_at, capacity, status,
                     description, reminder_sent_at, minutes_version, minutes_updated_at, minutes_published_at, created_by,
                     created_at, updated_at, host_org_id)
SELECT id, series_id, number, kind, title, circle_id, format,
       CASE WHEN format <> 'IN_PERSON' THEN 'https://meet.example.jp/bench-' || g END, starts_at, ends_at,
       CASE WHEN kind = 'SEMINAR' THEN 60 END, status,
       (ARRAY['各機関の近況と求人情報を共有します。', '事例を通して連携の進め方を話し合います。', '職場実習の受け入れ先について情報交換します。',
              '定着支援の工夫を持ち寄ります。'])[1 + g % 4],
       CASE WHEN status IN ('HELD', 'MINUTES_PUBLISHED') THEN starts_at - interval '1 day' END,
       CASE WHEN has_minutes THEN 1 ELSE 0 END,
       CASE WHEN has_minutes THEN least(now(), ends_at + interval '2 days') END,
       CASE WHEN status = 'MINUTES_PUBLISHED' THEN ends_at + interval '3 days' END,
       created_by, created_at,
       greatest(created_at, least(now(), CASE WHEN status = 'MINUTES_PUBLISHED' THEN ends_at + interval '3 days'
                                             WHEN status IN ('HELD', 'CANCELLED') THEN ends_at ELSE created_at END)),
       host_org
FROM bench_meeting;
INSERT INTO meeting_organizer (meeting_id, organization_id, consented_at)
SELECT id, host_org, created_at FROM bench_meeting;
-- co-hosts for every fifth meeting: another member organization of the circle
INSERT INTO meeting_organizer (meeting_id, organization_id, consented_at)
SELECT m.id, p.org_id, m.created_at + interval '1 day' FROM bench_meeting m
JOIN circle_people p ON p.circle_id = m.circle_id AND p.rn = 1 + (m.g * 13) % p.cnt
WHERE m.g % 5 = 0 AND p.org_id <> m.host_org ON CONFLICT DO NOTHING;
INSERT INTO meeting_venue (meeting_id, position, name, address)
SELECT m.id, 1, '試験会場 ' || (ARRAY['会議室A', '研修室', '多目的ホール', '相談室'])[1 + m.g % 4], pr.name_ja || ' 試験市'
FROM bench_meeting m JOIN circle_host h ON h.circle_id = m.circle_id JOIN prefecture pr ON pr.code = h.prefecture_code
WHERE m.format <> 'ONLINE';
INSERT INTO poll_slot (meeting_id, starts_at, ends_at)
SELECT m.id, m.plan_start + j * interval '7 days', m.plan_start + j * interval '7 days' + m.length
FROM bench_meeting m, generate_series(0, 2) j WHERE m.status = 'SCHEDULING';

INSERT INTO agenda_item (meeting_id, position, item_type, title, minutes, presenter_org_id)
SELECT m.id, a.pos,
       CASE WHEN a.pos = 3 THEN (ARRAY['DISCUSSION', 'GROUP_WORK', 'LECTURE'])[1 + m.g % 3] ELSE a.type END,
       CASE WHEN a.pos = 3 THEN (ARRAY['事例を通した意見交換', 'グループワーク「定着支援の工夫」', '講義「職場実習の進め方」'])[1 + m.g % 3] ELSE a.title END,
       a.minutes, CASE WHEN a.type = 'BRIEFING' THEN m.host_org END
FROM bench_meeting m, (VALUES (1, 'OPENING', '開会・前回の振り返り', 10), (2, 'BRIEFING', '各機関からの情報提供', 20),
                              (3, NULL, NULL, 40), (4, 'JOB_INFO', '求人情報の共有', 15),
                              (5, 'CONFIRMATION', '次回の担当と日程', 5)) AS a(pos, type, title, minutes);
INSERT INTO minutes_item (meeting_id, position, agenda_item_id, theme, content, results)
SELECT m.id, a.position, a.id, a.title,
       (ARRAY['参加機関から近況の報告があった。', '事例をもとに、職場実習から就職までの支援の流れを確認した。',
              '短時間勤務から始める求人が増えているとの報告があった。', '定着支援の面談の頻度について意見が分かれた。',
              '移動手段の確保が課題として挙がった。'])[1 + (m.g + a.position) % 5],
       CASE WHEN a.position <> 1 THEN (ARRAY['次回までに各機関で取り組みを整理する。', '求人情報は共有フォルダで回覧する。',
              '次回は企業の担当者を招く。', '担当機関を決めて個別に連絡する。'])[1 + (m.g * 3 + a.position) % 4] END
FROM bench_meeting m JOIN agenda_item a ON a.meeting_id = m.id WHERE m.has_minutes;
INSERT INTO action_item (meeting_id, series_id, title, owner_org_id, due_on, status, done_on, created_by, created_at)
SELECT m.id, m.series_id, '次回の担当と日程を確認する（第' || (m.number + 1) || '回）', m.host_org,
       (m.starts_at AT TIME ZONE 'Asia/Tokyo')::date + 30, CASE WHEN m.number < 8 THEN 'DONE' ELSE 'OPEN' END,
       CASE WHEN m.number < 8 THEN (m.starts_at AT TIME ZONE 'Asia/Tokyo')::date + 25 END, m.created_by, m.ends_at
FROM bench_meeting m WHERE m.series_id IS NOT NULL AND m.has_minutes;

-- invitees: about 12 people of the circle per meeting (not for drafts), with their answers
INSERT INTO meeting_invitee (meeting_id, account_id, organization_id, name, email, token_hash, response, responded_at,
                             poll_answered_at, invited_by, invited_at)
SELECT m.id, p.account_id, p.org_id, p.name, p.email,
       encode(sha256(convert_to('bench-invitee:' || m.id || ':' || p.account_id, 'UTF8')), 'hex'), r.response,
       CASE WHEN r.response <> 'PENDING' THEN least(now(), m.created_at + (2 + r.h) * interval '1 hour') END,
       CASE WHEN m.status = 'SCHEDULING' AND r.h < 8 THEN least(now(), m.created_at + (2 + r.h) * interval '1 hour') END,
       m.created_by, m.created_at + interval '1 hour'
FROM bench_meeting m
JOIN circle_people p ON p.circle_id = m.circle_id AND (p.rn + m.g) % greatest(1, p.cnt / 12) = 0
CROSS JOIN LATERAL (SELECT (m.g * 31 + p.rn * 17) % 10 AS h) hh
CROSS JOIN LATERAL (SELECT hh.h,
    CASE WHEN m.status = 'SCHEDULING' THEN 'PENDING'
         WHEN m.status IN ('SCHEDULED') AND hh.h >= 5 THEN 'PENDING'
         WHEN hh.h = 8 OR (m.status = 'SCHEDULED' AND hh.h = 4) THEN 'DECLINED'
         WHEN hh.h = 9 THEN 'PENDING'
         WHEN m.format = 'HYBRID' THEN CASE WHEN hh.h % 2 = 0 THEN 'IN_PERSON' ELSE 'ONLINE' END
         ELSE m.format END AS response) r
WHERE m.status <> 'DRAFT';
INSERT INTO poll_answer (invitee_id, slot_id, answer)
SELECT i.id, s.id, (ARRAY['YES', 'MAYBE', 'NO', 'YES'])[1 + (i.id + s.id) % 4]
FROM bench_meeting m JOIN meeting_invitee i ON i.meeting_id = m.id AND i.poll_answered_at IS NOT NULL
JOIN poll_slot s ON s.meeting_id = m.id WHERE m.status = 'SCHEDULING';
INSERT INTO attendance (meeting_id, invitee_id, organization_id, name, mode, recorded_by, recorded_at)
SELECT m.id, i.id, i.organization_id, i.name, i.response, m.created_by, m.ends_at
FROM bench_meeting m JOIN meeting_invitee i ON i.meeting_id = m.id
WHERE m.status IN ('HELD', 'MINUTES_PUBLISHED') AND i.response IN ('IN_PERSON', 'ONLINE');

-- ---- case conferences ----
-- a tenth upcoming (case sheet ready), seven tenths held within the last 82 days (90-day retention,
-- board and learnings kept), the rest held long ago (material deleted by retention, learnings kept)
CREATE TEMP TABLE bench_conf AS
SELECT nextval(pg_get_serial_sequence('conference', 'id')) AS id, x.*,
       x.starts_at + x.duration * interval '1 minute' AS ends_at,
       least(now() - interval '1 day', x.starts_at - interval '21 days') AS created_at
FROM (SELECT c, h.circle_id, h.account_id AS facilitator,
             CASE WHEN c % 10 IN (0, 1) THEN 'UPCOMING' WHEN c % 10 = 2 THEN 'PURGED' ELSE 'HELD' END AS cls,
             f.format, f.duration, f.label,
             (ARRAY['CONSENT', 'CONSENT', 'STUDY', 'STATUTORY'])[1 + (c / 4) % 4] AS legal_basis,
             (((:'today'::date + CASE WHEN c % 10 IN (0, 1) THEN 3 + (c * 7) % 60 WHEN c % 10 = 2 THEN -100 - (c * 13) % 600
                                     ELSE -2 - (c * 7) % 80 END) + TIME '15:00') AT TIME ZONE 'Asia/Tokyo') AS starts_at,
             CASE WHEN c % 10 IN (0, 1) THEN 30 + (c % 3) * 30 WHEN c % 10 = 2 THEN 30 ELSE 90 END AS retention_days
      FROM generate_series(1, 2000) c
      JOIN circle_host h ON h.n = 1 + (c * 11) % 300
      JOIN (VALUES (0, 'NONAKA', 100, '野中式'), (1, 'NONAKA', 100, '野中式'), (2, 'INCIDENT', 90, 'インシデント・プロセス法'),
                   (3, 'FREE', 80, '自由形式')) AS f(k, format, duration, label) ON f.k = c % 4
      ORDER BY c) x;
CREATE TEMP TABLE bench_phase (format text, position int, phase text, minutes int);
INSERT INTO bench_phase VALUES
  ('NONAKA', 0, 'SUMMARY', 10), ('NONAKA', 1, 'QUESTIONS', 40), ('NONAKA', 2, 'ASSESSMENT', 20), ('NONAKA', 3, 'IDEAS', 20),
  ('NONAKA', 4, 'REFLECTION', 10), ('INCIDENT', 0, 'INCIDENT', 5), ('INCIDENT', 1, 'FACTS', 30), ('INCIDENT', 2, 'PROBLEM', 15),
  ('INCIDENT', 3, 'PLAN', 25), ('INCIDENT', 4, 'REFLECTION', 15), ('FREE', 0, 'SUMMARY', 10), ('FREE', 1, 'DISCUSSION', 60),
  ('FREE', 2, 'WRAP_UP', 10);

INSERT INTO conference (id, circle_id, title, format, legal_basis, starts_at, duration_minutes, venue, retention_days,
                        current_phase, phase_started_at, finished_at, materials_deleted_at, created_by, created_at, version, purge_after)
SELECT b.id, b.circle_id, '試験 事例検討会 ' || b.c || '（' || b.label || '）', b.format, b.legal_basis, b.starts_at, b.duration,
       '試験会場 ' || (ARRAY['相談室', '会議室B', '研修室'])[1 + b.c % 3], b.retention_days,
       CASE WHEN b.cls = 'HELD' THEN lp.position END,
       CASE WHEN b.cls = 'HELD' THEN b.ends_at - lp.minutes * interval '1 minute' END,
       CASE WHEN b.cls <> 'UPCOMING' THEN b.ends_at END,
       CASE WHEN b.cls = 'PURGED' THEN b.ends_at + b.retention_days * interval '1 day' END,
       b.facilitator, b.created_at, CASE WHEN b.cls = 'UPCOMING' THEN 1 ELSE lp.position + 3 END,
       -- the deadline the triggers would fix when the case material (or a learning) is first written
       b.ends_at + b.retention_days * interval '1 day'
FROM bench_conf b
JOIN LATERAL (SELECT position, minutes FROM bench_phase p WHERE p.format = b.format ORDER BY position DESC LIMIT 1) lp ON true;
INSERT INTO conference_phase (conference_id, position, phase, minutes)
SELECT b.id, p.position, p.phase, p.minutes FROM bench_conf b JOIN bench_phase p ON p.format = b.format;

-- attendees: the host's administrator facilitates; about five people of the circle present,
-- record and take part; every fourth conference has an advisor
CREATE TEMP TABLE bench_attendee AS
SELECT b.id AS conference_id, b.facilitator AS account_id, 'FACILITATOR' AS role FROM bench_conf b
UNION ALL
SELECT conference_id, account_id, CASE k WHEN 1 THEN 'PRESENTER' WHEN 2 THEN 'RECORDER' ELSE 'PARTICIPANT' END
FROM (SELECT b.id AS conference_id, p.account_id, row_number() OVER (PARTITION BY b.id ORDER BY p.rn) AS k
      FROM bench_conf b JOIN circle_people p ON p.circle_id = b.circle_id
       AND (p.rn + b.c) % greatest(1, p.cnt / 5) = 0 AND p.account_id <> b.facilitator) x
WHERE k <= 6
UNION ALL
SELECT b.id, a.id, 'ADVISOR' FROM bench_conf b JOIN bench_person a ON a.role = 'advisor' AND a.n = 1 + b.c % 40 WHERE b.c % 4 = 0;
INSERT INTO conference_attendee (conference_id, account_id, role, added_at, pledged_at, pledge_basis)
SELECT a.conference_id, a.account_id, a.role, b.created_at, pl.at, CASE WHEN pl.at IS NOT NULL THEN b.legal_basis END
FROM bench_attendee a JOIN bench_conf b ON b.id = a.conference_id,
LATERAL (SELECT CASE WHEN b.cls = 'UPCOMING' AND a.role = 'PARTICIPANT' AND (a.account_id + b.c) % 2 = 0 THEN NULL
                     ELSE b.created_at + interval '1 day' END AS at) pl;
CREATE TEMP TABLE bench_recorder AS
SELECT b.*, coalesce(r.account_id, b.facilitator) AS recorder, coalesce(p.account_id, b.facilitator) AS presenter
FROM bench_conf b LEFT JOIN bench_attendee r ON r.conference_id = b.id AND r.role = 'RECORDER'
LEFT JOIN bench_attendee p ON p.conference_id = b.id AND p.role = 'PRESENTER';

INSERT INTO case_sheet (conference_id, age_band, sex, certificate_type, certificate_grade, diagnosis, household, referral_route,
                        presenting_problem, factors, actions_outcomes, discussion_points, updated_by, updated_at, version)
SELECT b.id, (ARRAY[20, 30, 40, 50, 60])[1 + b.c % 5], (ARRAY['MALE', 'FEMALE', 'MALE', 'FEMALE', 'OTHER'])[1 + (b.c / 5) % 5],
       ct.type, ct.grade, ct.diagnosis,
       (ARRAY['親と同居。', '単身で暮らしている。', 'きょうだいと同居。', 'グループホームで暮らしている。'])[1 + b.c % 4],
       (ARRAY['ハローワークからの紹介。', '相談支援事業所からの相談。', '就労移行支援事業所からの引継ぎ。', '本人からの相談。'])[1 + (b.c / 4) % 4],
       (ARRAY['就職して半年、欠勤が増えている。', '実習はうまくいったが、応募に踏み出せない。', '職場での指示の受け方に戸惑いがある。',
              '生活リズムが崩れ、遅刻が続いている。'])[1 + (b.c / 3) % 4],
       E'要因として考えられること。\n① 通勤の負担が大きい。\n② 相談できる相手が職場にいない。',
       E'① 通勤経路を一緒に確認した ⇒ 負担は少し減った。\n② 職場の担当者と面談の場を設けた ⇒ 継続中。',
       'どの機関がどの頻度で関わると、本人が続けやすいか。',
       b.presenter, b.created_at + interval '2 days', 1
FROM bench_recorder b
JOIN (VALUES (0, 'MENTAL', '2', 'MOOD'), (1, 'INTELLECTUAL', 'B', 'INTELLECTUAL'), (2, 'MENTAL', '3', 'DEVELOPMENTAL'),
             (3, 'PHYSICAL', '4', 'PHYSICAL'), (4, 'NONE', NULL, 'ANXIETY'), (5, 'APPLYING', NULL, 'SCHIZOPHRENIA'))
     AS ct(k, type, grade, diagnosis) ON ct.k = b.c % 6
WHERE b.cls <> 'PURGED';
INSERT INTO case_team_member (conference_id, position, agency_type, role, frequency, relation)
SELECT b.id, t.position, t.agency, t.role, (ARRAY['WEEKLY', 'TWICE_MONTHLY', 'MONTHLY', 'AS_NEEDED'])[1 + (b.c + t.position) % 4],
       (ARRAY['STRONG', 'NORMAL', 'NORMAL', 'WEAK', 'STRESSED'])[1 + (b.c * 3 + t.position) % 5]
FROM bench_conf b, (VALUES (0, 'NAKAPOTSU', '就業と生活の相談'), (1, 'CONSULTATION', '計画づくり'), (2, 'EMPLOYER', '出勤状況の共有'),
                           (3, 'MEDICAL', '通院と服薬'), (4, 'FAMILY', '生活の見守り')) AS t(position, agency, role)
WHERE b.cls <> 'PURGED' AND t.position <= 2 + b.c % 3;

-- the recorder's board of each held conference, by phase
INSERT INTO board_entry (conference_id, phase, kind, body, created_by, created_at)
SELECT b.id, e.phase, e.kind, e.body, b.recorder, b.starts_at + e.at * interval '1 minute'
FROM bench_recorder b JOIN (VALUES
  ('NONAKA', 'SUMMARY', 'NOTE', '事例の概要：就職して半年、欠勤が増えている。', 5),
  ('NONAKA', 'QUESTIONS', 'QUESTION', '欠勤が増え始めたのはいつ頃か。', 12),
  ('NONAKA', 'QUESTIONS', 'ANSWER', '3か月ほど前、担当業務が変わった頃から。', 13),
  ('NONAKA', 'QUESTIONS', 'QUESTION', '職場で相談できる人はいるか。', 20),
  ('NONAKA', 'QUESTIONS', 'ANSWER', '以前の担当者は異動し、いまはいない。', 21),
  ('NONAKA', 'QUESTIONS', 'QUESTION', '通院や服薬の状況は。', 30),
  ('NONAKA', 'QUESTIONS', 'ANSWER', '月1回の通院は続いている。', 31),
  ('NONAKA', 'QUESTIONS', 'NOTE', '本人は仕事を続けたいと話している。', 40),
  ('NONAKA', 'ASSESSMENT', 'ASSESSMENT', '業務の変化と相談相手の不在が重なっている。', 60),
  ('NONAKA', 'ASSESSMENT', 'ASSESSMENT', '本人の強み：まじめで、作業の正確さが評価されている。', 65),
  ('NONAKA', 'IDEAS', 'IDEA', '職場の担当者を決め、週1回の短い面談を提案する。', 75),
  ('NONAKA', 'IDEAS', 'IDEA', '支援チームで連絡の頻度と役割を共有する。', 80),
  ('NONAKA', 'IDEAS', 'IDEA', '業務の手順を写真付きで整理する。', 85),
  ('NONAKA', 'REFLECTION', 'NOTE', '支援者同士で役割の重なりと抜けが見えた。', 95),
  ('INCIDENT', 'INCIDENT', 'NOTE', '出来事：職場から「このままでは継続が難しい」と連絡があった。', 3),
  ('INCIDENT', 'FACTS', 'QUESTION', '連絡の前に何があったか。', 8),
  ('INCIDENT', 'FACTS', 'ANSWER', '遅刻が3回続いた。', 9),
  ('INCIDENT', 'FACTS', 'QUESTION', '本人は状況をどう受け止めているか。', 15),
  ('INCIDENT', 'FACTS', 'ANSWER', '理由をうまく説明できず、困っている。', 16),
  ('INCIDENT', 'FACTS', 'QUESTION', '生活面で変わったことは。', 25),
  ('INCIDENT', 'FACTS', 'ANSWER', '夜遅くまで起きている日が増えた。', 26),
  ('INCIDENT', 'PROBLEM', 'ASSESSMENT', '生活リズムの乱れが出勤に影響している。', 45),
  ('INCIDENT', 'PLAN', 'IDEA', '生活支援の担当と起床の工夫を一緒に考える。', 55),
  ('INCIDENT', 'PLAN', 'IDEA', '職場と連絡ノートを使い、早めに変化に気づく。', 65),
  ('INCIDENT', 'REFLECTION', 'NOTE', '事実を確かめてから考えると、手立てが具体的になった。', 85),
  ('FREE', 'SUMMARY', 'NOTE', '事例の概要：実習はうまくいったが、応募に踏み出せない。', 5),
  ('FREE', 'DISCUSSION', 'QUESTION', '応募をためらう理由は何か。', 15),
  ('FREE', 'DISCUSSION', 'ANSWER', '面接への不安が大きい。', 16),
  ('FREE', 'DISCUSSION', 'NOTE', '模擬面接を重ねた例が共有された。', 30),
  ('FREE', 'DISCUSSION', 'IDEA', '実習先の企業に、面接の形を相談してみる。', 45),
  ('FREE', 'DISCUSSION', 'IDEA', '応募書類を本人と一緒に作る。', 55),
  ('FREE', 'WRAP_UP', 'NOTE', '次回、経過を報告してもらう。', 75)
) AS e(format, phase, kind, body, at) ON e.format = b.format
WHERE b.cls = 'HELD';

INSERT INTO learning (conference_id, kind, body, tags, approved_by, approved_at, created_by, created_at)
SELECT b.id, l.kind, l.body, l.tags, CASE WHEN l.approved THEN b.facilitator END,
       CASE WHEN l.approved THEN least(now(), b.ends_at + interval '2 days') END, b.facilitator, b.ends_at
FROM bench_conf b CROSS JOIN LATERAL (VALUES
  (1, 'IDEA', (ARRAY['関わる機関ごとに連絡の頻度を決めて共有すると、役割の重なりと抜けが見える。',
                     '職場の担当者と短い面談を定期的に持つと、変化に早く気づける。',
                     '業務の手順を写真付きで整理すると、担当が変わっても続けやすい。',
                     '実習先の企業と面接の形を相談すると、応募への不安が和らぐ。',
                     '連絡ノートを職場と共有すると、小さな変化を早めに拾える。'])[1 + b.c % 5],
   string_to_array((ARRAY['NETWORK,RETENTION', 'EMPLOYER,RETENTION', 'INTELLECTUAL,EMPLOYER', 'MENTAL,EMPLOYER',
                          'DEVELOPMENTAL,RETENTION'])[1 + b.c % 5], ','), true),
  (2, 'LESSON', (ARRAY['生活面の課題を先に整理してから職場実習につなぐと、就職後の定着が見通しやすい。',
                       '福祉以外の地域資源も支援チームに入れると、生活が安定しやすい。',
                       '本人が自分で決めたと思える支え方を続けると、相談が途切れにくい。',
                       '家族の負担にも目を向けると、本人の出勤が安定した。'])[1 + b.c % 4],
   string_to_array((ARRAY['RETENTION', 'POVERTY,NETWORK', 'MENTAL', 'FAMILY,HOUSING'])[1 + b.c % 4], ','), true),
  (3, 'IDEA', '通院の日程を職場と共有し、勤務の組み方を一緒に考える。', ARRAY['MENTAL', 'EMPLOYER'], false)
) AS l(k, kind, body, tags, approved)
WHERE b.cls <> 'UPCOMING' AND (l.k < 3 OR b.c % 3 = 0);
INSERT INTO conference_read (conference_id, account_id, what, read_at)
SELECT b.id, r.who, r.what, r.at
FROM bench_recorder b CROSS JOIN LATERAL (VALUES (b.presenter, 'CASE', b.starts_at - interval '1 day'),
                                                 (b.recorder, 'CASE', b.starts_at - interval '3 hours'),
                                                 (b.facilitator, 'BOARD', b.ends_at + interval '1 day')) AS r(who, what, at)
WHERE b.cls = 'HELD';

-- ---- pairing program: FY2024–FY2026, 50 pairs each ----
-- pairs of two bench centers (implementing, supporting); a program's state follows the day the
-- script runs: milestones due before it are done, visits before it took place, reports written
-- once the implementation period is over
INSERT INTO program (fiscal_year, name, call_opens, call_closes, selection_on, implementation_start, implementation_end,
                     survey_start, survey_end, seminar_on, report_due, total_centers)
SELECT y, '令和' || (y - 2018) || '年度 定着支援地域連携モデル事業（試験データ）', make_date(y, 6, 20), make_date(y, 7, 15),
       make_date(y, 8, 1), make_date(y, 8, 5), make_date(y, 12, 25), make_date(y, 9, 1), make_date(y, 10, 31),
       make_date(y + 1, 2, 25), make_date(y + 1, 3, 28), 337
FROM generate_series(2024, 2026) y;
INSERT INTO program_milestone (program_id, position, kind, title, due_on)
SELECT p.id, v.pos, v.kind, v.title, make_date(p.fiscal_year + v.dy, v.m, v.d)
FROM program p, (VALUES (1, 'ONLINE_MEETING', '第1回オンラインミーティング', 0, 8, 29), (2, 'VISIT_TO_SUPPORTING', '応援センター訪問', 0, 10, 31),
                        (3, 'SURVEY', '就労支援機関意識調査', 0, 10, 31), (4, 'ONLINE_MEETING', '第2回オンラインミーティング', 0, 11, 14),
                        (5, 'VISIT_TO_IMPLEMENTING', '実施センター訪問', 0, 12, 25), (6, 'ONLINE_MEETING', '第3回オンラインミーティング', 1, 1, 30),
                        (7, 'SEMINAR_REPORT', '事業報告セミナーでの報告', 1, 2, 25), (8, 'WRITTEN_REPORT', '報告書の提出', 1, 3, 28))
     AS v(pos, kind, title, dy, m, d)
WHERE p.fiscal_year BETWEEN 2024 AND 2026;

CREATE TEMP TABLE bench_pair AS
SELECT nextval(pg_get_serial_sequence('pairing', 'id')) AS id, nextval(pg_get_serial_sequence('application', 'id')) AS application_id,
       nextval(pg_get_serial_sequence('circle', 'id')) AS circle_id, x.*,
       CASE WHEN x.fiscal_year < x.current_fy - 1 THEN 'CLOSED' WHEN :'today'::date > x.implementation_end THEN 'REPORTED'
            WHEN :'today'::date >= x.selection_on THEN 'ACTIVE' ELSE 'MATCHED' END AS status,
       :'today'::date > x.implementation_end AS finished
FROM (SELECT p.id AS program_id, p.fiscal_year, p.call_opens, p.selection_on, p.implementation_start, p.implementation_end, i,
             extract(year FROM :'today'::date - interval '3 months')::int AS current_fy,
             ci.id AS impl_id, cs.id AS supp_id, li.id AS impl_lead, ls.id AS supp_lead,
             (ARRAY['SUPERVISION', 'DIFFICULT_CASES', 'REGIONAL_COOPERATION'])[1 + i % 3] AS theme_1,
             CASE WHEN i % 4 = 0 THEN (ARRAY['SUPERVISION', 'DIFFICULT_CASES', 'REGIONAL_COOPERATION'])[1 + (i + 1) % 3] END AS theme_2,
             CASE WHEN i % 5 = 0 THEN adv.id END AS advisor_id
      FROM program p CROSS JOIN generate_series(1, 50) i
      JOIN bench_center ci ON ci.n = 1 + ((p.fiscal_year - 2024) * 50 + i - 1) % :nc
      JOIN bench_center cs ON cs.n = 1 + ((p.fiscal_year - 2024) * 50 + i - 1 + :nc / 2) % :nc
      JOIN bench_person li ON li.org_id = ci.id AND li.role = 'center-lead'
      JOIN bench_person ls ON ls.org_id = cs.id AND ls.role = 'center-lead'
      LEFT JOIN bench_person adv ON adv.role = 'advisor' AND adv.n = 1 + (i / 5 + p.fiscal_year) % 40
      WHERE p.fiscal_year BETWEEN 2024 AND 2026
      ORDER BY p.fiscal_year, i) x;

INSERT INTO application (id, program_id, center_id, theme_1, theme_2, motive, desired_partner_id, desired_practice,
                         region_situation, submitted_by, submitted_at, updated_at)
SELECT application_id, program_id, impl_id, theme_1, theme_2,
       (ARRAY['地域の事業所とともにセンターの支援力を高めたい。', '事業所へのスーパーバイズを通じて地域の就労支援を底上げしたい。',
              '止まっていたネットワークを作り直したい。', '企業や当事者とのつながりを広げたい。'])[1 + i % 4],
       supp_id, (ARRAY['事業所向けの連続講座', '就労移行支援事業所等情報交換会', '年間計画にもとづくネットワーク会議', '企業同士の交流会'])[1 + i % 4],
       (ARRAY['圏域が広く、事業所との関わりが薄い。', '支援件数が増え、支援の質を保つのが難しい。', 'B型事業所が急増している。',
              '企業との対話の場が少ない。'])[1 + (i / 4) % 4],
       impl_lead, (call_opens + i % 20 + TIME '10:00') AT TIME ZONE 'Asia/Tokyo', (call_opens + i % 20 + TIME '10:00') AT TIME ZONE 'Asia/Tokyo'
FROM bench_pair;
INSERT INTO circle (id, code, name, kind, description, created_at)
SELECT circle_id, 'bench-pair-' || fiscal_year || '-' || i, '試験 ペア ' || fiscal_year || '-' || i, 'PAIR',
       '令和' || (fiscal_year - 2018) || '年度 定着支援地域連携モデル事業のペア（試験データ）', (selection_on + TIME '15:00') AT TIME ZONE 'Asia/Tokyo'
FROM bench_pair;
INSERT INTO circle_member (circle_id, organization_id, is_owner, joined_on)
SELECT circle_id, impl_id, true, selection_on FROM bench_pair
UNION ALL SELECT circle_id, supp_id, false, selection_on FROM bench_pair;
INSERT INTO pairing (id, program_id, application_id, implementing_id, supporting_id, theme_1, theme_2, rationale, officer_id,
                     advisor_id, circle_id, status, created_at, assessed_at)
SELECT b.id, b.program_id, b.application_id, b.impl_id, b.supp_id, b.theme_1, b.theme_2,
       '地域の事情とセンターの課題、実施センターが学びたい取り組みをもとにマッチング（試験データ）',
       (SELECT id FROM account WHERE email = 'admin@demo.tsunagu.jp'), b.advisor_id, b.circle_id, b.status,
       (b.selection_on + TIME '15:00') AT TIME ZONE 'Asia/Tokyo',
       CASE WHEN b.finished THEN (b.implementation_end + 60 + TIME '13:00') AT TIME ZONE 'Asia/Tokyo' END
FROM bench_pair b;

INSERT INTO pairing_visit (pairing_id, direction, title, start_on, end_on, participants_count, participants,
                           learnings_visitor, learnings_host, created_by, created_at, updated_at)
SELECT b.id, v.direction, v.title, v.s, v.s + b.i % 2, 4 + b.i % 9, v.who, v.lv, v.lh, b.impl_lead,
       (v.s + b.i % 2 + TIME '18:00') AT TIME ZONE 'Asia/Tokyo', (v.s + b.i % 2 + TIME '18:00') AT TIME ZONE 'Asia/Tokyo'
FROM bench_pair b CROSS JOIN LATERAL (VALUES
  ('TO_SUPPORTING', '応援センター訪問（試験）', b.implementation_start + 40 + b.i % 30, '実施センター、応援センター、圏域の事業所',
   '事業所を一つずつ訪ねてニーズを聞くところから始める。', '自分たちの取り組みを言葉にする機会になった。'),
  ('TO_IMPLEMENTING', '実施センター訪問（試験）', b.implementation_start + 100 + b.i % 30, '応援センター、実施センター、市の担当課',
   '地域の関係機関が一堂に会する場の作り方を見た。', '地域の外から応援することの意味を確かめた。')) AS v(direction, title, s, who, lv, lh)
WHERE v.s < :'today'::date;
INSERT INTO pairing_visit_item (visit_id, position, kind, title)
SELECT v.id, i.pos, i.kind, i.title FROM pairing_visit v JOIN bench_pair b ON b.id = v.pairing_id,
  (VALUES (1, 'FACILITY_TOUR', '事業所の見学'), (2, 'MEETING', '関係機関との会議'), (3, 'EXCHANGE', '情報交換')) AS i(pos, kind, title);
INSERT INTO pairing_milestone (pairing_id, position, kind, title, due_on, status, done_on, evidence_visit_id, evidence_note, updated_at)
SELECT b.id, m.position, m.kind, m.title, m.due_on, st.status, st.done_on, v.id,
       CASE WHEN st.status = 'DONE' AND v.id IS NULL THEN '試験データ（期限日の前に実施）' END,
       coalesce((st.done_on + TIME '18:00') AT TIME ZONE 'Asia/Tokyo', (b.selection_on + TIME '15:00') AT TIME ZONE 'Asia/Tokyo')
FROM bench_pair b JOIN program_milestone m ON m.program_id = b.program_id
LEFT JOIN pairing_visit v ON v.pairing_id = b.id
     AND ((m.kind = 'VISIT_TO_SUPPORTING' AND v.direction = 'TO_SUPPORTING') OR (m.kind = 'VISIT_TO_IMPLEMENTING' AND v.direction = 'TO_IMPLEMENTING'))
CROSS JOIN LATERAL (SELECT CASE WHEN v.id IS NOT NULL OR (m.kind NOT LIKE 'VISIT%' AND m.due_on < :'today'::date) THEN 'DONE' ELSE 'PLANNED' END AS status,
                           CASE WHEN v.id IS NOT NULL THEN v.start_on WHEN m.kind NOT LIKE 'VISIT%' AND m.due_on < :'today'::date THEN m.due_on - b.i % 7 END AS done_on) st;
INSERT INTO pairing_assessment_item (pairing_id, position, label, before_score, after_score)
SELECT b.id, a.pos, a.label, 2 + (b.i + a.pos) % 5, CASE WHEN b.finished THEN least(10, 2 + (b.i + a.pos) % 5 + 1 + (b.i * a.pos) % 3) END
FROM bench_pair b, (VALUES (1, '普段からの関係性の構築'), (2, 'ニーズの把握'), (3, '目的の明確化'), (4, '役割分担'),
                           (5, '行政機関を巻き込む'), (6, '企業との協働')) AS a(pos, label);
INSERT INTO pairing_report (pairing_id, motive, activities, key_points, changes, message, status, submitted_at, submitted_by,
                            approved_at, approved_by, updated_at, updated_by, version)
SELECT b.id, a.motive, '応援センターを訪ね、圏域の事業所に聞き取りをした。地域の関係機関と情報交換会を開いた。',
       CASE WHEN b.finished THEN 'ナカポツが呼びかけ、2回目からは参加者みんなの会にする。' END,
       CASE WHEN b.finished THEN '情報交換会を続けることが決まった。関係機関に対するアセスメントが伸びた。' END,
       CASE WHEN b.finished THEN '味方を一つ見つけることから始めれば、地域は動き出します。' END,
       r.status, CASE WHEN r.status <> 'DRAFT' THEN (pr.report_due - 14 + TIME '17:00') AT TIME ZONE 'Asia/Tokyo' END,
       CASE WHEN r.status <> 'DRAFT' THEN b.impl_lead END,
       CASE WHEN r.status = 'APPROVED' THEN (pr.report_due + TIME '10:00') AT TIME ZONE 'Asia/Tokyo' END,
       CASE WHEN r.status = 'APPROVED' THEN (SELECT id FROM account WHERE email = 'admin@demo.tsunagu.jp') END,
       least(now(), (pr.report_due - 14 + TIME '17:00') AT TIME ZONE 'Asia/Tokyo'), b.impl_lead, 1
FROM bench_pair b JOIN program pr ON pr.id = b.program_id JOIN application a ON a.id = b.application_id
CROSS JOIN LATERAL (SELECT CASE WHEN NOT b.finished THEN 'DRAFT' WHEN b.i % 6 = 0 AND b.status = 'REPORTED' THEN 'SUBMITTED'
                                ELSE 'APPROVED' END AS status) r
WHERE b.finished OR b.i % 2 = 0;
INSERT INTO pairing_report_comment (pairing_id, section, body, author_id, author_name, author_role, created_at)
SELECT b.id, c.section, c.body, au.id, au.display_name, c.role, least(now(), (pr.report_due - 10 + TIME '09:30') AT TIME ZONE 'Asia/Tokyo')
FROM bench_pair b JOIN program pr ON pr.id = b.program_id JOIN pairing_report r ON r.pairing_id = b.id
CROSS JOIN LATERAL (VALUES ('ADVISOR', 'CHANGES', '変わらなかった項目の理由を一文加えると、同じ悩みをもつセンターに伝わりやすくなります。'),
                           ('SECRETARIAT', 'GENERAL', '取り組みの流れがよく分かります。日付の記載をそろえてください。')) AS c(role, section, body)
JOIN account au ON au.id = CASE WHEN c.role = 'ADVISOR' THEN b.advisor_id ELSE (SELECT id FROM account WHERE email = 'admin@demo.tsunagu.jp') END
WHERE r.status <> 'DRAFT';

-- the circles' history starts with their current members (as the demo's administrators set does)
INSERT INTO circle_event (circle_id, organization_id, kind, occurred_at)
SELECT cm.circle_id, cm.organization_id, 'JOINED', cm.joined_on::timestamptz FROM circle_member cm
WHERE NOT EXISTS (SELECT 1 FROM circle_event e WHERE e.circle_id = cm.circle_id AND e.organization_id = cm.organization_id);

ANALYZE account; ANALYZE membership; ANALYZE meeting_series; ANALYZE meeting; ANALYZE meeting_organizer; ANALYZE meeting_venue;
ANALYZE poll_slot; ANALYZE poll_answer; ANALYZE agenda_item; ANALYZE minutes_item; ANALYZE action_item; ANALYZE meeting_invitee;
ANALYZE attendance; ANALYZE conference; ANALYZE conference_phase; ANALYZE conference_attendee; ANALYZE case_sheet;
ANALYZE case_team_member; ANALYZE board_entry; ANALYZE learning; ANALYZE conference_read; ANALYZE program; ANALYZE application;
ANALYZE pairing; ANALYZE pairing_visit; ANALYZE pairing_milestone; ANALYZE pairing_assessment_item; ANALYZE pairing_report;
ANALYZE circle; ANALYZE circle_member; ANALYZE circle_event;

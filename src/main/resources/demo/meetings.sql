-- Demo meetings (notes-001 §3.3, §3.7 pair 3, §3.8; notes-002-003 W7). Organizations are the
-- real public ones of the seeds; no person's name appears. Dates the reports do not give are
-- taken from the program template and say so in the description.

-- The FY2023 pairing program's participants as a circle, for its online meetings 1–3.
INSERT INTO circle (code, name, kind, description) VALUES ('fy2023-pairing', '令和5年度 ペア事業 参加センター', 'NETWORK',
    '令和5年度の実施センター・応援センターと事務局。オンラインミーティングと事業報告セミナーの連絡に使う。');
INSERT INTO circle_member (circle_id, organization_id, is_owner)
SELECT c.id, o.id, true FROM circle c, organization o WHERE c.code = 'fy2023-pairing' AND o.code = 'national-network';
INSERT INTO circle_member (circle_id, organization_id, is_owner)
SELECT DISTINCT c.id, x.org, false FROM circle c, (
    SELECT p.implementing_id AS org FROM pairing p JOIN program g ON g.id = p.program_id WHERE g.fiscal_year = 2023
    UNION SELECT p.supporting_id FROM pairing p JOIN program g ON g.id = p.program_id WHERE g.fiscal_year = 2023) x
WHERE c.code = 'fy2023-pairing';

INSERT INTO meeting (kind, title, circle_id, format, online_url, starts_at, ends_at, status, description, created_at, updated_at)
SELECT 'PROGRAM_ONLINE', v.title, c.id, 'ONLINE', 'https://meet.example.jp/tsunagu-fy2023', v.s, v.e, 'HELD',
       '報告書に開催日の記載なし（事業計画の予定日で記録）', v.s, v.s
FROM circle c, (VALUES
    ('令和5年度 ペア事業 第1回オンラインミーティング', TIMESTAMPTZ '2023-08-31 14:00+09', TIMESTAMPTZ '2023-08-31 15:30+09'),
    ('令和5年度 ペア事業 第2回オンラインミーティング', TIMESTAMPTZ '2023-11-15 14:00+09', TIMESTAMPTZ '2023-11-15 15:30+09'),
    ('令和5年度 ペア事業 第3回オンラインミーティング', TIMESTAMPTZ '2024-01-31 14:00+09', TIMESTAMPTZ '2024-01-31 15:30+09')) AS v(title, s, e)
WHERE c.code = 'fy2023-pairing';
INSERT INTO meeting_organizer (meeting_id, organization_id)
SELECT m.id, o.id FROM meeting m, organization o WHERE m.kind = 'PROGRAM_ONLINE' AND o.code = 'national-network';
INSERT INTO agenda_item (meeting_id, position, item_type, title, minutes, presenter_org_id)
SELECT m.id, ti.position, ti.item_type, ti.title, ti.minutes,
       CASE WHEN ti.item_type IN ('BRIEFING', 'CONFIRMATION') THEN (SELECT id FROM organization WHERE code = 'national-network') END
FROM meeting m JOIN agenda_template t ON t.code = 'program-online-' || substring(m.title from '第(\d)回')
JOIN agenda_template_item ti ON ti.template_id = t.id WHERE m.kind = 'PROGRAM_ONLINE';
-- 確認事項 of each meeting, done by the next one.
INSERT INTO action_item (meeting_id, title, owner_org_id, due_on, status, done_on)
SELECT a.meeting_id, a.title, a.presenter_org_id, (m.starts_at AT TIME ZONE 'Asia/Tokyo')::date + 30, 'DONE',
       (m.starts_at AT TIME ZONE 'Asia/Tokyo')::date + 30
FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id WHERE a.item_type = 'CONFIRMATION' AND m.kind = 'PROGRAM_ONLINE';

-- Okinawa: 就労移行等情報交換会 (ブリッジ), 第0回 held, 第1回 being scheduled.
INSERT INTO meeting_series (circle_id, title, kind, default_weekday, default_start, default_minutes, per_year_min, per_year_max)
SELECT id, '就労移行等情報交換会', 'EXCHANGE', 2, TIME '15:00', 90, 4, 6 FROM circle WHERE code = 'okinawa-south-exchange';
INSERT INTO meeting_series_organizer (series_id, organization_id)
SELECT s.id, o.id FROM meeting_series s, organization o WHERE s.title = '就労移行等情報交換会' AND o.code IN ('okinawa-bridge', 'okinawa-hw-naha');
INSERT INTO meeting (series_id, number, kind, title, circle_id, format, starts_at, ends_at, status, description,
                     minutes_version, minutes_updated_at, minutes_published_at, created_at, updated_at)
SELECT s.id, 0, 'EXCHANGE', '第0回 就労移行等情報交換会', s.circle_id, 'IN_PERSON', TIMESTAMPTZ '2023-10-17 15:00+09',
       TIMESTAMPTZ '2023-10-17 16:30+09', 'MINUTES_PUBLISHED', 'ナカポツが呼びかけた試行の回（第0回）。報告書に開催日の記載なし（日付は仮）。実施後アンケート：継続的な実施は全会一致。年4〜6回（火曜15時〜）、90分程度。内容は求人情報の共有（グループメールの運用）・事例検討会など。',
       1, TIMESTAMPTZ '2023-10-20 10:00+09', TIMESTAMPTZ '2023-10-20 10:00+09', TIMESTAMPTZ '2023-09-20 10:00+09', TIMESTAMPTZ '2023-10-20 10:00+09'
FROM meeting_series s WHERE s.title = '就労移行等情報交換会';
INSERT INTO meeting_organizer (meeting_id, organization_id)
SELECT m.id, o.id FROM meeting m, organization o WHERE m.title = '第0回 就労移行等情報交換会' AND o.code = 'okinawa-bridge';
INSERT INTO meeting_venue (meeting_id, position, name, address)
SELECT id, 1, 'ブリッジ 会議室', '沖縄県島尻郡南風原町' FROM meeting WHERE title = '第0回 就労移行等情報交換会';
INSERT INTO attendance (meeting_id, organization_id, name, mode)
SELECT m.id, o.id, o.name, 'IN_PERSON' FROM meeting m, organization o
WHERE m.title = '第0回 就労移行等情報交換会' AND o.code IN ('okinawa-hw-naha', 'okinawa-vocational-center', 'okinawa-transition-1',
    'okinawa-transition-2', 'okinawa-transition-3', 'okinawa-transition-4', 'okinawa-transition-5', 'okinawa-transition-6');
INSERT INTO minutes_item (meeting_id, position, theme, content, results)
SELECT m.id, v.pos, v.theme, v.content, v.results FROM meeting m, (VALUES
    -- the seed's three topics (001 L1255-1289), in its words where it quotes the participants
    (1, '話題① 職場開拓の難しさ（過疎地における）',
        '公共交通機関の課題（電車やバスがない）、住んでいる地域で希望する仕事が見つからないことが挙がった。',
        '「ネットワーク内で求人情報の共有ができるといい」「ナカポツ、ハローワーク、障害者職業センターの持っている情報を地域の支援機関と共有して、みんなで取り組みたい」との声があった。'),
    (2, '話題② 他機関との連携について',
        '「何をどのように依頼して、一緒に取り組めばいいのかわからない」との声があった。',
        'ネットワークを通じて顔の見える関係づくりが築けると、やりとりがしやすくなる。'),
    (3, '話題③ 支援を行う上での困難さについて',
        '多機能型の苦労（B型運営に追われて個別支援に取り組めない）、就労意欲を育む難しさ（職場見学をするがチャレンジされない方）、就職支援の知識以外の教育・事業所へのアプローチ・OJTが挙がった。',
        NULL)) AS v(pos, theme, content, results)
WHERE m.title = '第0回 就労移行等情報交換会';
INSERT INTO action_item (meeting_id, series_id, title, owner_org_id, due_on, status)
SELECT m.id, m.series_id, '第1回の日程を調整する', o.id, DATE '2026-12-25', 'OPEN'
FROM meeting m, organization o WHERE m.title = '第0回 就労移行等情報交換会' AND o.code = 'okinawa-bridge';
-- 第1回: a draft → scheduling poll on three coming Tuesdays at 15:00 (relative to the day the demo is loaded).
INSERT INTO meeting (series_id, number, kind, title, circle_id, format, status, created_at, updated_at)
SELECT s.id, 1, 'EXCHANGE', '第1回 就労移行等情報交換会', s.circle_id, 'IN_PERSON', 'SCHEDULING', now(), now()
FROM meeting_series s WHERE s.title = '就労移行等情報交換会';
INSERT INTO meeting_organizer (meeting_id, organization_id)
SELECT m.id, o.id FROM meeting m, organization o WHERE m.title = '第1回 就労移行等情報交換会' AND o.code IN ('okinawa-bridge', 'okinawa-hw-naha');
INSERT INTO meeting_venue (meeting_id, position, name, address)
SELECT id, 1, 'ハローワーク那覇 会議室', '沖縄県那覇市' FROM meeting WHERE title = '第1回 就労移行等情報交換会';
INSERT INTO poll_slot (meeting_id, starts_at, ends_at)
SELECT m.id, t, t + interval '90 minutes' FROM meeting m,
    generate_series(1, 3) AS w,
    LATERAL (SELECT ((date_trunc('week', now() AT TIME ZONE 'Asia/Tokyo') + (w + 1) * interval '1 week' + interval '1 day 15 hours')
                     AT TIME ZONE 'Asia/Tokyo') AS t) x
WHERE m.title = '第1回 就労移行等情報交換会';
INSERT INTO meeting_invitee (meeting_id, account_id, organization_id, name, email, token_hash)
SELECT m.id, a.id, ms.organization_id, a.display_name, a.email, md5(random()::text) || md5(random()::text)
FROM meeting m, account a JOIN membership ms ON ms.account_id = a.id
WHERE m.title = '第1回 就労移行等情報交換会' AND a.email IN ('partner@demo.tsunagu.jp', 'hw-naha@demo.tsunagu.jp');
INSERT INTO agenda_item (meeting_id, position, item_type, title, minutes)
SELECT m.id, v.pos, v.type, v.title, v.minutes FROM meeting m, (VALUES
    (1, 'OPENING', '開会・前回の振り返り', 10), (2, 'DISCUSSION', '事例を通した意見交換', 40),
    (3, 'JOB_INFO', '求人情報の共有', 20), (4, 'CONFIRMATION', '次回の担当と日程', 20)) AS v(pos, type, title, minutes)
WHERE m.title = '第1回 就労移行等情報交換会';

-- Tsu: 『津市を障害者雇用で輝かせる会議』 2023-12-01 (notes-001 §3.7 pair 3).
INSERT INTO meeting (kind, title, format, starts_at, ends_at, status, fee_note, description, created_at, updated_at)
VALUES ('EXCHANGE', '津市を障害者雇用で輝かせる会議', 'IN_PERSON', TIMESTAMPTZ '2023-12-01 13:30+09', TIMESTAMPTZ '2023-12-01 16:30+09',
        'HELD', '情報交換会「もっと交流を深めよう!」18:00〜20:00 参加費 4,550円',
        '地域で何ができるかを考える場「Ver.0」。会の最後に求人情報を共有する。', TIMESTAMPTZ '2023-10-01 10:00+09', TIMESTAMPTZ '2023-12-01 17:00+09');
INSERT INTO meeting_organizer (meeting_id, organization_id)
SELECT m.id, o.id FROM meeting m, organization o WHERE m.title = '津市を障害者雇用で輝かせる会議' AND o.code = 'mie-flat';
INSERT INTO meeting_venue (meeting_id, position, name, address)
SELECT id, 1, '津市キャリアセンター 2F', '三重県津市' FROM meeting WHERE title = '津市を障害者雇用で輝かせる会議';
INSERT INTO agenda_item (meeting_id, position, item_type, title, minutes, presenter_org_id)
SELECT m.id, v.pos, v.type, v.title, v.minutes, (SELECT id FROM organization WHERE code = v.org) FROM meeting m, (VALUES
    (1, 'OPENING', '開会', 5, 'mie-flat'), (2, 'BRIEFING', '行政説明（津市障がい福祉課）', 30, NULL),
    (3, 'LECTURE', '講義「地域ネットワークづくり」', 60, 'shizuoka-boranchi'), (4, 'BREAK', '休憩', 10, NULL),
    (5, 'GROUP_WORK', 'グループワーク', 60, NULL), (6, 'SOCIAL', 'お楽しみ会（求人情報の共有を含む）', 15, 'mie-flat')) AS v(pos, type, title, minutes, org)
WHERE m.title = '津市を障害者雇用で輝かせる会議';

-- Chiba: 柏圏域 意見交換会 with retention-support providers, 2020-12-18, minutes in the six-field shape.
INSERT INTO meeting (kind, title, circle_id, format, starts_at, ends_at, status, description, minutes_version,
                     minutes_updated_at, minutes_published_at, created_at, updated_at)
SELECT 'EXCHANGE', '柏圏域 就労定着支援事業所との意見交換会', c.id, 'IN_PERSON', TIMESTAMPTZ '2020-12-18 15:00+09',
       TIMESTAMPTZ '2020-12-18 16:30+09', 'MINUTES_PUBLISHED', '参加：8事業所・10名（2グループに分かれて実施）', 1,
       TIMESTAMPTZ '2020-12-25 10:00+09', TIMESTAMPTZ '2020-12-25 10:00+09', TIMESTAMPTZ '2020-11-20 10:00+09', TIMESTAMPTZ '2020-12-25 10:00+09'
FROM circle c WHERE c.code = 'chiba-kashiwa-retention';
INSERT INTO meeting_organizer (meeting_id, organization_id)
SELECT m.id, o.id FROM meeting m, organization o WHERE m.title = '柏圏域 就労定着支援事業所との意見交換会' AND o.code = 'chiba-07';
-- 8事業所・10名 (002 L573); the seed does not name them: fictitious offices, members of the meeting's circle, so they read its minutes
INSERT INTO attendance (meeting_id, organization_id, name, mode)
SELECT m.id, o.id, o.name, 'IN_PERSON' FROM meeting m, organization o
WHERE m.title = '柏圏域 就労定着支援事業所との意見交換会' AND o.code LIKE 'chiba-kashiwa-retention-%';
INSERT INTO meeting_venue (meeting_id, position, name, address)
SELECT id, 1, '柏商工会議所 3階 302号室', '千葉県柏市' FROM meeting WHERE title = '柏圏域 就労定着支援事業所との意見交換会';
INSERT INTO minutes_item (meeting_id, position, theme, content, results)
SELECT m.id, v.pos, v.theme, v.content, v.results FROM meeting m, (VALUES
    (1, '定着支援事業における課題、ナカポツセンターに対する要望', '①各事業所の課題 ②サービス提供について ③センターへの要望 の3点を2グループで話し合った。',
        '利用料とサービスのバランスが課題。市町村ごとに申請時期が異なり統一を望む声があった。'),
    (2, '引継ぎと定着支援終了後', '引継ぎの適切な時期、安定している人への毎月の連絡の要否を話し合った。',
        '定着支援終了後のキャリアアップはナカポツが担ってほしいとの要望。多くの利用者が支援を継続している。')) AS v(pos, theme, content, results)
WHERE m.title = '柏圏域 就労定着支援事業所との意見交換会';

-- National-scale data for the posting search benchmark (fictitious): centers up to 337,
-- 5,000 partner organizations, 300 circles of about 20 organizations, 200,000 postings with
-- Japanese titles and descriptions (search vectors are filled by the application at start).
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

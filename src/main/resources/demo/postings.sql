-- Demo job postings and internship slots (companies are fictitious; regions and industries follow
-- the seed notes: 沖縄南部, 埼玉県央, 千葉). Dates are relative to the day the demo is loaded.
-- search_vector is filled by the application at start (PostingIndexer), with the same Japanese
-- analysis as postings saved through the API.

CREATE TEMP TABLE demo_posting (
    ref text, owner text, kind text, title text, company text, industry text, municipality text, pref smallint,
    category text, employment text, hday numeric, hweek numeric, days smallint, split boolean, short boolean,
    weekly boolean, daily boolean, trial boolean, carving text, wage_type text, wage integer, openings smallint,
    disabilities text[], accommodations text, below_quota boolean, apply text, description text, source text,
    hw text, dnf boolean, places smallint, start_in integer, length_days integer, hiring boolean, conditions text,
    visibility text, circle text, age_days integer, expires_in integer, contact text
) ON COMMIT DROP;

INSERT INTO demo_posting VALUES
('hotel', 'okinawa-bridge', 'JOB', 'ホテル客室清掃スタッフ（短時間から）', '株式会社南風リゾートサービス', 'ホテル・宿泊', '那覇市', 47,
 'CLEANING', 'PART_TIME', 4, 20, 5, false, true, false, false, true, '午前4時間から。慣れたら6時間へ（ステップアップ）。', 'HOURLY', 1000, 2,
 ARRAY['INTELLECTUAL', 'MENTAL'], '2人1組で作業。手順書は写真付き。休憩室あり。', false, 'ブリッジの担当者を通して応募してください。職場見学できます。',
 '客室のベッドメイクと清掃、アメニティの補充。チェックアウト後の時間帯の作業です。', 'COMPANY', NULL, false,
 NULL, NULL, NULL, NULL, NULL, 'CIRCLES', 'okinawa-south-exchange', 3, 27, 'bridge@demo.tsunagu.jp'),
('hw-office', 'okinawa-hw-naha', 'JOB', '一般事務補助（障害者求人）', '株式会社琉球ロジスティクス', '物流', '浦添市', 47,
 'OFFICE', 'CONTRACT', 6, 30, 5, false, false, false, false, false, NULL, 'HOURLY', 1050, 1,
 ARRAY['PHYSICAL', 'MENTAL', 'DEVELOPMENTAL'], '通院日の休暇に配慮。エレベーターあり。', true, 'ハローワーク那覇の紹介状が必要です。支援機関経由でご相談ください。',
 '伝票の入力、書類のファイリング、郵便物の仕分け。パソコンの基本操作（文字入力）ができる方。', 'HELLO_WORK', '47010-12345678', true,
 NULL, NULL, NULL, NULL, NULL, 'CIRCLES', 'okinawa-south-exchange', 5, 25, 'hw-naha@demo.tsunagu.jp'),
('picking', 'okinawa-bridge', 'JOB', '物流センター 軽作業（ピッキング・検品）', '有限会社とみぐすく配送', '物流', '豊見城市', 47,
 'LIGHT_WORK', 'PART_TIME', 4, 16, 4, true, true, true, false, false, '午前2時間＋午後2時間の分割勤務も相談可。週払いあり。', 'HOURLY', 980, 3,
 ARRAY['INTELLECTUAL', 'DEVELOPMENTAL'], '作業場所を固定。指示はホワイトボードで。', false, 'ブリッジへ連絡してください。',
 '商品の仕分け、ピッキング、検品。重い物は少なめです。', 'FLYER', NULL, false,
 NULL, NULL, NULL, NULL, NULL, 'CIRCLES', 'okinawa-south-exchange', 10, 20, 'bridge@demo.tsunagu.jp'),
('farm', 'okinawa-bridge', 'JOB', '農園スタッフ（野菜の収穫・袋詰め）', '株式会社いとまん農園', '農業', '糸満市', 47,
 'AGRICULTURE', 'PART_TIME', 5, 25, 5, false, false, false, true, true, '日払い可。最初の2週間は1日3時間から。', 'HOURLY', 960, 4,
 ARRAY['INTELLECTUAL', 'MENTAL'], '日よけ・休憩テントあり。送迎の相談可。', false, 'ブリッジ経由で応募できます。',
 '野菜の収穫、洗浄、袋詰め。屋外と作業小屋での作業です。', 'COMPANY', NULL, false,
 NULL, NULL, NULL, NULL, NULL, 'NETWORK', NULL, 1, 29, 'bridge@demo.tsunagu.jp'),
('kitchen-draft', 'okinawa-bridge', 'JOB', '厨房補助（条件調整中）', '株式会社はえばる給食センター', '給食', '南風原町', 47,
 'FOOD', 'PART_TIME', 5, 25, 5, false, false, false, false, false, NULL, NULL, NULL, 1,
 ARRAY[]::text[], NULL, false, NULL, '食器洗浄と盛り付け補助。勤務時間を企業と調整中。', 'COMPANY', NULL, false,
 NULL, NULL, NULL, NULL, NULL, 'ORGANIZATION', NULL, 0, 30, 'bridge@demo.tsunagu.jp'),
('mart-internship', 'okinawa-bridge', 'INTERNSHIP', '職場実習：スーパーの品出し（3日間）', '株式会社みなみ食品マート', 'スーパー', '南風原町', 47,
 'RETAIL', NULL, 4, NULL, 3, false, false, false, false, false, NULL, NULL, NULL, NULL,
 ARRAY['INTELLECTUAL', 'DEVELOPMENTAL', 'MENTAL'], '実習中は店舗の担当者が付きます。', false, '実習の申込みは「実習を申し込む」から（人数と事業所名のみ）。',
 '飲料・日用品の品出し、前出し、バックヤードの整理。実習後、雇用につながる可能性があります。', 'COMPANY', NULL, false,
 2, 14, 2, true, '実習前に職場見学（30分）があります。', 'CIRCLES', 'okinawa-south-exchange', 2, 12, 'bridge@demo.tsunagu.jp'),
('csa-data', 'saitama-csa', 'JOB', '事務補助（データ入力・書類整理）', '株式会社けんおう保険サービス', '保険', '上尾市', 11,
 'OFFICE', 'PART_TIME', 5, 25, 5, false, false, false, false, false, NULL, 'HOURLY', 1100, 1,
 ARRAY['MENTAL', 'DEVELOPMENTAL'], '静かな席を用意。指示は文書で。', true, 'CSAにご連絡ください。',
 '申込書のデータ入力、スキャン、書類の整理。Excelの入力ができる方。', 'COMPANY', NULL, false,
 NULL, NULL, NULL, NULL, NULL, 'CIRCLES', 'saitama-kenou-exchange', 4, 26, 'csa@demo.tsunagu.jp'),
('csa-hospital', 'saitama-csa', 'JOB', '病院内清掃（週4日・午前）', '医療法人おけがわ会', '医療', '桶川市', 11,
 'CLEANING', 'CONTRACT', 6, 30, 5, false, false, false, false, false, NULL, 'MONTHLY', 150000, 2,
 ARRAY['INTELLECTUAL', 'PHYSICAL'], '清掃手順は1か月かけて覚えます。', true, 'CSAを通して応募してください。',
 '病棟・外来の床清掃、ゴミ回収、トイレ清掃。', 'MAGAZINE', NULL, false,
 NULL, NULL, NULL, NULL, NULL, 'CIRCLES', 'saitama-kenou-exchange', 8, 22, 'csa@demo.tsunagu.jp'),
('chiba-factory', 'chiba-01', 'JOB', '食品工場 製造補助（ライン作業）', '株式会社かしわ惣菜', '食品製造', '柏市', 12,
 'MANUFACTURING', 'PART_TIME', 6, 30, 5, false, false, false, false, false, NULL, 'HOURLY', 1090, 2,
 ARRAY['INTELLECTUAL'], '白衣・帽子は貸与。作業は1工程ずつ。', false, 'ハローワークの紹介が必要です。',
 'お惣菜の盛り付け、パック詰め、ラベル貼り。', 'HELLO_WORK', '12010-23456789', true,
 NULL, NULL, NULL, NULL, NULL, 'CIRCLES', 'chiba-council', 6, 24, 'chiba@demo.tsunagu.jp');

INSERT INTO posting (kind, owner_org_id, created_by, contact_account_id, title, company_name, company_industry, municipality,
    prefecture_code, job_category, employment_type, hours_per_day, hours_per_week, days_per_week, split_shift, short_hours,
    weekly_pay, daily_pay, trial_step, carving_note, wage_type, wage_yen, start_on, openings, disability_experience,
    accommodations, below_quota, how_to_apply, description, source, hello_work_number, do_not_forward, ends_on, places,
    hiring_intent, conditions, visibility, expires_on, status, created_at, updated_at)
SELECT d.kind, o.id, a.id, a.id, d.title, d.company, d.industry, d.municipality, d.pref, d.category, d.employment, d.hday,
    d.hweek, d.days, d.split, d.short, d.weekly, d.daily, d.trial, d.carving, d.wage_type, d.wage,
    CASE WHEN d.start_in IS NULL THEN NULL ELSE current_date + d.start_in END, d.openings, d.disabilities,
    d.accommodations, d.below_quota, d.apply, d.description, d.source, d.hw, d.dnf,
    CASE WHEN d.start_in IS NULL THEN NULL ELSE current_date + d.start_in + d.length_days END, d.places, d.hiring,
    d.conditions, d.visibility, current_date + d.expires_in, 'OPEN', now() - d.age_days * interval '1 day',
    now() - d.age_days * interval '1 day'
FROM demo_posting d JOIN organization o ON o.code = d.owner JOIN account a ON a.email = d.contact;

INSERT INTO posting_share (posting_id, circle_id, shared_by_org_id, shared_by_account_id, shared_at)
SELECT p.id, c.id, p.owner_org_id, p.created_by, p.created_at
FROM demo_posting d JOIN organization o ON o.code = d.owner JOIN posting p ON p.owner_org_id = o.id AND p.title = d.title
JOIN circle c ON c.code = d.circle;

-- ブリッジ passed the Hello Work office-work opening on to nobody (do-not-forward); one view by a partner so far
INSERT INTO posting_view (posting_id, account_id, organization_id, kind, at)
SELECT p.id, a.id, m.organization_id, 'VIEW', now() - interval '1 day'
FROM posting p, account a JOIN membership m ON m.account_id = a.id
WHERE p.title = '一般事務補助（障害者求人）' AND a.email = 'partner@demo.tsunagu.jp';

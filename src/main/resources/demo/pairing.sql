-- Pairing program demo data (notes-001 §3.1–3.7, §4.3–4.5, §4.13): the FY2022 model centers
-- and the FY2023 program with its six real pairs as the report records them. Where the report
-- gives no date, a milestone is recorded as done on its due date with a note saying so; the
-- Bridge (Okinawa) → CSA return visit is not described in the report and stays open.
-- People are fictitious demo accounts; organizations are the public centers of the report.

INSERT INTO program (fiscal_year, name, total_centers)
VALUES (2022, '定着支援地域連携モデルに係る調査事業（モデル事業）', 337);
INSERT INTO program_model_center (program_id, organization_id, theme_1, theme_2, initiative)
SELECT p.id, o.id, v.t1, v.t2, v.initiative FROM program p, organization o,
  -- the ten FY2022 model centers under the report's three headings (001 L136-226). 清流障がい者就業・生活支援センター
  -- ふなびせ (L176, 困難事例: 家族全体に関わる全ての機関が集まるケース会議) is left out: the seeds give nothing but its
  -- name, not even its prefecture, so the demo has 9 of the 10.
  (VALUES ('aomori-minato', 'SUPERVISION', 'DIFFICULT_CASES', 'ステップアップ講座（年2回・5日間）'),                         -- 001 L140-143, L163-167
          ('chiba-katori', 'SUPERVISION', NULL, '定着支援事業所へのスーパーバイズ・就業支援者養成セミナー'),                 -- 001 L146-149, L2095-2104
          ('kagoshima-airaisa', 'SUPERVISION', NULL, 'B型から一般就労へ移行したケースの事例検討会と事業所訪問'),            -- 001 L152-154
          ('chiba-12', 'DIFFICULT_CASES', NULL, '中核地域生活支援センター・社会福祉協議会との役割分担による短期集中的な対応'), -- 001 L170-174
          ('tokushima-wakuwaku', 'REGIONAL_COOPERATION', 'DIFFICULT_CASES', '企業同士・当事者同士のネットワーク'),           -- 001 L182-188, L221-224
          ('hokkaido-tasuku', 'REGIONAL_COOPERATION', NULL, '様々な集まりの共催と広報誌での活動実績の発信'),                  -- 001 L195-198
          ('saitama-csa', 'REGIONAL_COOPERATION', NULL, '就労移行支援事業所等情報交換会'),                                   -- 001 L200-204, L1384-1388
          ('shizuoka-boranchi', 'REGIONAL_COOPERATION', NULL, '年間計画にもとづくネットワーク会議・研修'),                    -- 001 L206-211
          ('hyogo-kitaharima', 'REGIONAL_COOPERATION', NULL, '北播磨モデル（就労パスポートの活用）')                          -- 001 L213-218
  ) AS v(code, t1, t2, initiative)
WHERE p.fiscal_year = 2022 AND o.code = v.code;

INSERT INTO program (fiscal_year, name, call_opens, call_closes, selection_on, implementation_start, implementation_end,
                     survey_start, survey_end, seminar_on, report_due, total_centers)
VALUES (2023, '定着支援地域連携モデルに係る調査事業', DATE '2023-06-27', DATE '2023-07-20', DATE '2023-08-03',
        DATE '2023-08-07', DATE '2023-12-26', DATE '2023-09-04', DATE '2023-10-31', DATE '2024-02-28', DATE '2024-03-29', 337);
INSERT INTO program_milestone (program_id, position, kind, title, due_on)
SELECT p.id, v.pos, v.kind, v.title, v.due FROM program p,
  (VALUES (1, 'ONLINE_MEETING', '第1回オンラインミーティング', DATE '2023-08-31'),
          (2, 'VISIT_TO_SUPPORTING', '応援センター訪問', DATE '2023-10-31'),
          (3, 'SURVEY', '就労支援機関意識調査', DATE '2023-10-31'),
          (4, 'ONLINE_MEETING', '第2回オンラインミーティング', DATE '2023-11-15'),
          (5, 'VISIT_TO_IMPLEMENTING', '実施センター訪問', DATE '2023-12-26'),
          (6, 'ONLINE_MEETING', '第3回オンラインミーティング', DATE '2024-01-31'),
          (7, 'SEMINAR_REPORT', '事業報告セミナーでの報告', DATE '2024-02-28'),
          (8, 'WRITTEN_REPORT', '報告書の提出', DATE '2024-03-29')) AS v(pos, kind, title, due)
WHERE p.fiscal_year = 2023;

-- The six pairs: code of the implementing center, of the supporting center, themes, application.
CREATE TEMP TABLE demo_pair (n int, impl text, supp text, t1 text, t2 text, motive text, practice text, region text) ON COMMIT DROP;
INSERT INTO demo_pair VALUES
 (1, 'gunma-tortoise', 'aomori-minato', 'SUPERVISION', NULL,
  'みなとの『ステップアップ講座』に学び、地域の事業所とともにセンターの支援力を高めたい。前年度のセミナーでみなとの取り組みを知った。',
  'ステップアップ講座', '現状に満足している事業所も含め、地域の事業所に面と向かって話を聞くところから始めたい。'),
 (2, 'okinawa-bridge', 'saitama-csa', 'SUPERVISION', NULL,
  '自立支援協議会で「就職」というキーワードが聞こえてこない。事業所へのスーパーバイズを通じて地域の就労支援を底上げしたい。',
  '就労移行支援事業所等情報交換会', '人手が足りず、支援件数が増えるほど支援の質が下がる。スーパーバイズの依頼も少ない。'),
 (3, 'mie-flat', 'shizuoka-boranchi', 'REGIONAL_COOPERATION', NULL,
  '地域の事業所と「就労」について一緒に考える場をつくりたい。ぼらんちのネットワーク会議・研修に学びたい。',
  'ネットワーク会議と年間計画の研修', '就労より「居場所」を重視する事業所が多く、連携のきっかけがつかめていない。'),
 (4, 'ibaraki-mito', 'chiba-katori', 'REGIONAL_COOPERATION', NULL,
  '就労移行支援事業所や一般校との連携のノウハウを、香取就業センターから学びたい。',
  '就労移行・一般校との連携', '圏域の事業所の約75%が水戸市に集中し、関わりの薄い事業所も多い。'),
 (5, 'hokkaido-noikeru', 'kagoshima-airaisa', 'REGIONAL_COOPERATION', NULL,
  'コロナ禍でネットワークが止まり、研修も届くべき人に届いていない。基幹型としての「地域づくり」をあいらいさから学びたい。',
  '基幹型センターとしての地域づくり', '圏域は広く、B型事業所が急増している（営利法人が中心）。スーパーバイズできる人材も育てたい。'),
 (6, 'nara-chuwa-bridge', 'tokushima-wakuwaku', 'REGIONAL_COOPERATION', 'DIFFICULT_CASES',
  '企業や当事者とのネットワークを広げたい。わーくわくの企業・当事者ネットワークに学びたい。',
  '企業同士・当事者同士の交流', 'センター長の経験が浅く、ネットワークが停滞している。企業との対話も少ない。');

INSERT INTO application (program_id, center_id, theme_1, theme_2, motive, desired_partner_id, desired_practice,
                         region_situation, submitted_at, updated_at)
SELECT p.id, i.id, d.t1, d.t2, d.motive, s.id, d.practice, d.region,
       TIMESTAMPTZ '2023-07-10 10:00:00+09' + d.n * INTERVAL '1 day', TIMESTAMPTZ '2023-07-10 10:00:00+09' + d.n * INTERVAL '1 day'
FROM demo_pair d JOIN organization i ON i.code = d.impl JOIN organization s ON s.code = d.supp, program p
WHERE p.fiscal_year = 2023;

INSERT INTO circle (code, name, kind, description)
SELECT 'pair-2023-' || d.impl, '令和5年度 ペア ' || i.short_name || ' × ' || s.short_name, 'PAIR',
       '令和5年度 定着支援地域連携モデル事業のペア'
FROM demo_pair d JOIN organization i ON i.code = d.impl JOIN organization s ON s.code = d.supp;
INSERT INTO circle_member (circle_id, organization_id, is_owner, joined_on)
SELECT c.id, o.id, o.code = d.impl, DATE '2023-08-03'
FROM demo_pair d JOIN circle c ON c.code = 'pair-2023-' || d.impl JOIN organization o ON o.code IN (d.impl, d.supp);

INSERT INTO pairing (program_id, application_id, implementing_id, supporting_id, theme_1, theme_2, rationale,
                     officer_id, advisor_id, circle_id, status, created_at)
SELECT p.id, a.id, i.id, s.id, d.t1, d.t2, '地域の事情とセンターの課題、実施センターが学びたい取り組みをもとにマッチング（相思相愛）',
       (SELECT id FROM account WHERE email = 'admin@demo.tsunagu.jp'),
       CASE WHEN d.n = 5 THEN (SELECT id FROM account WHERE email = 'advisor@demo.tsunagu.jp') END,
       c.id, 'REPORTED', TIMESTAMPTZ '2023-08-03 15:00:00+09'
FROM demo_pair d JOIN organization i ON i.code = d.impl JOIN organization s ON s.code = d.supp
JOIN circle c ON c.code = 'pair-2023-' || d.impl, program p
JOIN application a ON a.program_id = p.id
WHERE p.fiscal_year = 2023 AND a.center_id = i.id;

-- Every pair receives the template; all steps done unless listed otherwise below.
INSERT INTO pairing_milestone (pairing_id, position, kind, title, due_on, status, done_on, evidence_note)
SELECT x.id, m.position, m.kind, m.title, m.due_on, 'DONE', m.due_on, '報告書に実施日の記載なし（期限日で記録）'
FROM pairing x JOIN program p ON p.id = x.program_id AND p.fiscal_year = 2023
JOIN program_milestone m ON m.program_id = p.id;
UPDATE pairing_milestone SET done_on = DATE '2023-10-31', evidence_note = '調査期間 2023-09-04〜10-31、全体で478事業所に配布し164件回収（34.3%）'
WHERE kind = 'SURVEY' AND pairing_id IN (SELECT x.id FROM pairing x JOIN program p ON p.id = x.program_id WHERE p.fiscal_year = 2023);
UPDATE pairing_milestone SET evidence_note = '2024-02-28 事業報告セミナー（オンライン、参加479名）で2センターが共同発表'
WHERE kind = 'SEMINAR_REPORT' AND pairing_id IN (SELECT x.id FROM pairing x JOIN program p ON p.id = x.program_id WHERE p.fiscal_year = 2023);
UPDATE pairing_milestone SET evidence_note = '令和5年度 報告書（2024-03-29）'
WHERE kind = 'WRITTEN_REPORT' AND pairing_id IN (SELECT x.id FROM pairing x JOIN program p ON p.id = x.program_id WHERE p.fiscal_year = 2023);
-- Bridge (Okinawa) ← CSA: the return visit is not described in the report.
UPDATE pairing_milestone SET status = 'PLANNED', done_on = NULL, evidence_note = '報告書に記録なし'
WHERE kind = 'VISIT_TO_IMPLEMENTING' AND pairing_id = (SELECT x.id FROM pairing x JOIN organization o ON o.id = x.implementing_id WHERE o.code = 'okinawa-bridge');
UPDATE pairing_milestone SET done_on = DATE '2023-12-13', evidence_note = '当事者報告会（語り部）を奈良・徳島の会場をオンラインでつないで共催'
WHERE kind = 'VISIT_TO_IMPLEMENTING' AND pairing_id = (SELECT x.id FROM pairing x JOIN organization o ON o.id = x.implementing_id WHERE o.code = 'nara-chuwa-bridge');

-- Visits with the dates the report gives.
CREATE TEMP TABLE demo_visit (impl text, direction text, title text, s date, e date, cnt int, who text, lv text, lh text) ON COMMIT DROP;
INSERT INTO demo_visit VALUES
 ('okinawa-bridge', 'TO_SUPPORTING', '上尾合宿「就労支援機関の連携について考えてみる会～ブリッジさんを囲む会」', DATE '2023-09-13', DATE '2023-09-13', 14,
  'ブリッジ（沖縄）、県央圏域の就労支援事業所7か所、CSA',
  '集合型だけでなく個別訪問も良い。味方を1つ、2つ見つけることから始める。',
  '全事業所を訪問する、ハローワーク・職業センターを巻き込む、野中式事例検討会など多くの講師を招く。'),
 ('hokkaido-noikeru', 'TO_SUPPORTING', 'あいらいさ訪問（第2回就労支援事業所連絡会に参加）', DATE '2023-09-26', DATE '2023-09-27', NULL,
  'のいける、あいらいさ、霧島・姶良圏域の就労支援事業所',
  '事業所訪問でニーズを見つける（巡回相談や就労選択支援の勉強会につながった）。',
  '広い圏域をサブエリアに分け、地域の資源を通じて間接的に調整する考え方を共有した。'),
 ('hokkaido-noikeru', 'TO_IMPLEMENTING', 'のいける訪問（第3回就労支援連携会議に参加）', DATE '2023-11-20', DATE '2023-11-21', NULL,
  'あいらいさ、のいける、市の就労支援センター3か所、相談支援事業所2か所',
  '市単独のなかぽつや就労移行支援事業所を見学し、地域の連携体制を知った。',
  '「後方的な関わり」を見える化し、ネットワークを作り直す。'),
 ('mie-flat', 'TO_IMPLEMENTING', '三重合宿（『津市を障害者雇用で輝かせる会議』で講演）', DATE '2023-12-01', DATE '2023-12-01', NULL,
  'ぼらんち、ふらっと、津市障がい福祉課、市内の事業所・企業',
  'まずは地域で何ができるかを考える場（Ver.0）をつくる。会議の最後に求人を共有すると参加の意味が伝わる。',
  '行政・事業所・企業が一緒に考える場を、地域の外から応援できた。');
INSERT INTO pairing_visit (pairing_id, direction, title, start_on, end_on, participants_count, participants,
                           learnings_visitor, learnings_host, created_at, updated_at)
SELECT x.id, v.direction, v.title, v.s, v.e, v.cnt, v.who, v.lv, v.lh, v.e + TIME '18:00', v.e + TIME '18:00'
FROM demo_visit v JOIN organization o ON o.code = v.impl JOIN pairing x ON x.implementing_id = o.id;
INSERT INTO pairing_visit_item (visit_id, position, kind, title)
SELECT pv.id, i.pos, i.kind, i.title FROM pairing_visit pv,
  (VALUES ('上尾合宿%', 1, 'MEETING', '就労支援機関の連携について考えてみる会'),
          ('上尾合宿%', 2, 'EXCHANGE', 'ナカポツに求めること・具体的な連携の方法についての意見交換'),
          ('あいらいさ訪問%', 1, 'MEETING', '第2回就労支援事業所連絡会'),
          ('あいらいさ訪問%', 2, 'EXCHANGE', '情報交換'),
          ('のいける訪問%', 1, 'FACILITY_TOUR', '市単独のなかぽつ・就労移行支援事業所の見学'),
          ('のいける訪問%', 2, 'MEETING', '第3回就労支援連携会議'),
          ('のいける訪問%', 3, 'EXCHANGE', '情報交換'),
          ('三重合宿%', 1, 'LECTURE', '講演「地域ネットワークづくり」'),
          ('三重合宿%', 2, 'MEETING', 'グループワーク'),
          ('三重合宿%', 3, 'SOCIAL', '情報交換会「もっと交流を深めよう!」')) AS i(pattern, pos, kind, title)
WHERE pv.title LIKE i.pattern;
UPDATE pairing_milestone m SET done_on = v.start_on, evidence_visit_id = v.id, evidence_note = NULL
FROM pairing_visit v WHERE v.pairing_id = m.pairing_id
  AND ((m.kind = 'VISIT_TO_SUPPORTING' AND v.direction = 'TO_SUPPORTING') OR (m.kind = 'VISIT_TO_IMPLEMENTING' AND v.direction = 'TO_IMPLEMENTING'));

-- Before/after self-assessment items of each implementing center (notes-001 §3.7); only のいける published scores.
INSERT INTO pairing_assessment_item (pairing_id, position, label, before_score, after_score)
SELECT x.id, i.pos, i.label, i.b, i.a FROM pairing x JOIN organization o ON o.id = x.implementing_id,
  (VALUES ('gunma-tortoise', 1, '普段からの関係性の構築', NULL::int, NULL::int), ('gunma-tortoise', 2, 'ニーズの把握', NULL, NULL),
          ('gunma-tortoise', 3, '目的の明確化', NULL, NULL), ('gunma-tortoise', 4, '役割分担', NULL, NULL),
          ('gunma-tortoise', 5, '行政機関を巻き込む', NULL, NULL), ('gunma-tortoise', 6, '企業との協働', NULL, NULL),
          ('okinawa-bridge', 1, 'フラットな関係性の構築', NULL, NULL), ('okinawa-bridge', 2, 'Win-Win関係', NULL, NULL),
          ('okinawa-bridge', 3, '関係機関に対するアセスメント', NULL, NULL), ('okinawa-bridge', 4, 'アフターフォロー', NULL, NULL),
          ('okinawa-bridge', 5, '自センター内での人材育成', NULL, NULL), ('okinawa-bridge', 6, '関係機関からの学び', NULL, NULL),
          ('mie-flat', 1, '普段からの関係性の構築', NULL, NULL), ('mie-flat', 2, '事前の準備、ニーズの把握', NULL, NULL),
          ('mie-flat', 3, '研修等の体系化、目的の明確化', NULL, NULL), ('mie-flat', 4, '参画事業所との役割分担～共有', NULL, NULL),
          ('mie-flat', 5, '地域の関係各機関との協働', NULL, NULL), ('mie-flat', 6, '企業との協働', NULL, NULL),
          ('ibaraki-mito', 1, '普段からの関係性の構築', NULL, NULL), ('ibaraki-mito', 2, '事前の準備、ニーズの把握', NULL, NULL),
          ('ibaraki-mito', 3, '研修の体系化、目的の明確化', NULL, NULL), ('ibaraki-mito', 4, '参画事業所との役割分担～共有', NULL, NULL),
          ('ibaraki-mito', 5, '自センター内での人材育成', NULL, NULL), ('ibaraki-mito', 6, '地域の関係各機関との協働', NULL, NULL),
          ('hokkaido-noikeru', 1, '連携の強化となる会議の開催', 5, 7), ('hokkaido-noikeru', 2, '地域ニーズ把握のための方略の準備', 3, 6),
          ('hokkaido-noikeru', 3, 'スーパーバイズに対するスキル', 3, 3), ('hokkaido-noikeru', 4, 'スーパーバイズに対する人材育成', 3, 3),
          ('hokkaido-noikeru', 5, '地域づくりに対する関係機関の理解', 6, 8), ('hokkaido-noikeru', 6, '地域づくりに対するスタッフの理解', 6, 8),
          ('nara-chuwa-bridge', 1, 'センター長の経験値', NULL, NULL), ('nara-chuwa-bridge', 2, '当事者同士の協働', NULL, NULL),
          ('nara-chuwa-bridge', 3, '企業同士の協働', NULL, NULL), ('nara-chuwa-bridge', 4, '支援者同士の協働', NULL, NULL),
          ('nara-chuwa-bridge', 5, '生活支援へのサポート', NULL, NULL), ('nara-chuwa-bridge', 6, '地域においての実践', NULL, NULL)
  ) AS i(code, pos, label, b, a)
WHERE o.code = i.code;
-- the scores were presented at the report seminar
UPDATE pairing SET assessed_at = TIMESTAMPTZ '2024-02-28 13:00:00+09'
WHERE program_id = (SELECT id FROM program WHERE fiscal_year = 2023);

-- Each FY2023 pair's report (V19), in the shape of the report's model-initiative pages (notes-001 §3.7),
-- summarised from what the report says of the centers' work; no person is named. The motive is the
-- application's (above) until a pair writes its own. のいける × あいらいさ (the pair with the demo
-- advisor) is left submitted, with the advisor's comment, so the secretariat's approval can be shown.
CREATE TEMP TABLE demo_report (impl text, activities text, points text, changes text, message text) ON COMMIT DROP;
INSERT INTO demo_report VALUES
 ('gunma-tortoise',
  'みなとの『ステップアップ講座』の資料一式と枠組みを受け取り、藤岡の就労部会で講座の説明を受けた。地域の福祉サービス事業所にヒアリングシートを使って対面で話を聞いた（4か所で実施済み）。障害者を雇用していない企業も含めて実習先を検討した。',
  '現状に満足している事業所も含めて、面と向かって話を聞くところから始める。講座の案内は2か月前に出す。行政を巻き込み、役割を分担する。',
  'トータス版『ステップアップ講座』を令和6年度に開く計画ができた。みなとも、定期的な集まりと講座の前に地域の声を集めることの大切さを学んだ。',
  'ほかのセンターのやり方を、そのまま持ち込むのではなく、自分の地域の声を聞いてから形にしてください。'),
 ('okinawa-bridge',
  '上尾合宿（2023-09-13）でCSAを訪問した。その後、圏域のほぼすべての就労移行支援事業所を訪ねて聞き取りをした。地域の意識調査は76か所に配布し16件の回答（21%）。ハローワーク、障害者職業センター、就労移行支援事業所6か所と『第0回 就労移行等情報交換会』を開いた。',
  'ナカポツが呼びかける会を「第0回」とし、第1回からは参加者みんなの会にする。フラットな関係で助言し合う「ピア・グループ・スーパービジョン」。',
  '情報交換会は全員一致で継続が決まった（年4〜6回、火曜15時から90分程度、グループメールでの求人共有と事例検討会）。関係機関に対するアセスメントがもっとも伸びた。',
  '味方を1つ、2つ見つけることから始めれば、地域は動き出します。'),
 ('mie-flat',
  'ぼらんちを訪問し、年間計画にもとづく会議と研修を見た。2023-12-01、津市キャリアセンターで『津市を障害者雇用で輝かせる会議』を開き、行政説明、ぼらんちの講演「地域ネットワークづくり」、グループワーク、情報交換会を行った。',
  'まずは地域で何ができるかを考える場（Ver.0）をつくる。会議の最後に求人を共有し、参加してよかったと感じてもらう。',
  'グループワークの記録とアンケートから、定期的な開催とグループワークの時間の延長が求められた。意識調査では企業・職場に対する支援を「不足している」とする回答が全体より多かった。',
  '「就労」を目指していない事業所とも、一緒に考える場から始められます。'),
 ('ibaraki-mito',
  '香取就業センターの助言「ステップゼロから」に沿って、『就労連携ネットワーク構築に向けたセミナー』を開いた。案内は圏域の就労支援事業所119か所すべてに郵送だけで送り、17事業所22名が参加した。職業センター・ハローワークと事前打合せと振り返りを行い、参加した事業所を個別に訪ねた。',
  '知らないことを前提に、センターがどういうところかを伝えるところから始める。個別の声かけをせず、すべての事業所に同じ案内を送る。',
  '参加者の約3割はこれまでセンターとの関わりが薄い事業所だった。セミナーを定期的に開き、希望する事業所に実習先の情報を共有することにした。',
  'まずは、センターを知ってもらうことから。反応のあった事業所から支えていけば十分です。'),
 ('hokkaido-noikeru',
  'あいらいさを訪問し、第2回就労支援事業所連絡会に参加した。市の就労支援センター3か所、相談支援事業所2か所と『就労支援連携会議』を開き、『石狩市就労支援ネットワーク会議』を立ち上げて翌年度に向けた意見を集めた。',
  '広い圏域をサブエリアに分け、地域の資源を通じて間接的に調整する。事業所訪問でニーズを見つけ、「後方的な関わり」を見える化する。',
  '連携の強化となる会議の開催が5点から7点に、地域ニーズ把握のための方略の準備が3点から6点に上がった。今後は移行・A型・B型事業所への年1回の調査、ネットワークの作り直し、スーパーバイズできる人材の育成に取り組む。',
  'コロナ禍で止まったネットワークも、会議をもう一度開くところから作り直せます。'),
 ('nara-chuwa-bridge',
  '2023-12-13、奈良の4市町と鳴門市の会場をオンラインでつなぎ『当事者報告会（語り部）』を開いた。12月と1月に『障害者雇用企業交流会』を開いた（11社、8社）。自立支援協議会の就労部会で当事者交流会を開いた。困難事例では、多くの機関と連携して本人の就労を支えた。',
  '当事者 to 当事者、企業 to 企業。企業・当事者が主役で、支援者は黒子。主導権争いではなく、相手に花を持たせる。',
  '年度の初めに年間の予定を決め、企業見学も加えることにした。個別支援では、定期的に確かめ、支援が求められたときに動けるようにし、最後は本人に決めてもらう。',
  '支援者が前に出なくても、企業と当事者がつながる場をつくれば、地域は変わります。');
INSERT INTO pairing_report (pairing_id, activities, key_points, changes, message, status, submitted_at, submitted_by,
                            approved_at, approved_by, updated_at, version)
SELECT x.id, r.activities, r.points, r.changes, r.message,
       CASE WHEN r.impl = 'hokkaido-noikeru' THEN 'SUBMITTED' ELSE 'APPROVED' END,
       TIMESTAMPTZ '2024-03-15 17:00:00+09', NULL,
       CASE WHEN r.impl = 'hokkaido-noikeru' THEN NULL ELSE TIMESTAMPTZ '2024-03-29 10:00:00+09' END,
       CASE WHEN r.impl = 'hokkaido-noikeru' THEN NULL ELSE (SELECT id FROM account WHERE email = 'admin@demo.tsunagu.jp') END,
       TIMESTAMPTZ '2024-03-15 17:00:00+09', 1
FROM demo_report r JOIN organization o ON o.code = r.impl JOIN pairing x ON x.implementing_id = o.id;
INSERT INTO pairing_report_comment (pairing_id, section, body, author_id, author_name, author_role, created_at)
SELECT x.id, 'CHANGES', 'スーパーバイズの2項目が変わらなかった理由と、来年度どう育てるかを一文加えると、同じ悩みをもつセンターに伝わりやすくなります。',
       a.id, a.display_name, 'ADVISOR', TIMESTAMPTZ '2024-03-18 09:30:00+09'
FROM pairing x JOIN organization o ON o.id = x.implementing_id AND o.code = 'hokkaido-noikeru',
     account a WHERE a.email = 'advisor@demo.tsunagu.jp';

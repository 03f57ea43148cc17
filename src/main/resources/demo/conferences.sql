-- Demo case-study conferences in the Okinawa exchange-meeting circle (notes-001 §3.9; the cases
-- follow the two presented by pair 6, notes-001 §3.7, de-identified). People are the fictitious
-- demo accounts. Every free text here passes the identifier check (ConferenceDemoTest).

-- A past Nonaka-method conference: its case material is gone (retention over), its learnings stay.
INSERT INTO conference (circle_id, title, format, legal_basis, starts_at, duration_minutes, venue, retention_days,
                        finished_at, materials_deleted_at, created_by, version)
SELECT c.id, '第1回 事例検討会（野中式）', 'NONAKA', 'CONSENT', t, 100, 'ブリッジ 相談室', 30,
       t + interval '100 minutes', t + interval '100 minutes' + interval '30 days', a.id, 3
FROM circle c, account a,
     LATERAL (SELECT ((date_trunc('week', now() AT TIME ZONE 'Asia/Tokyo') - interval '9 weeks' + interval '1 day 15 hours')
                      AT TIME ZONE 'Asia/Tokyo') AS t) x
WHERE c.code = 'okinawa-south-exchange' AND a.email = 'bridge@demo.tsunagu.jp';

-- The upcoming one, with a de-identified case sheet built from the 60-year-old man's case.
INSERT INTO conference (circle_id, title, format, legal_basis, starts_at, duration_minutes, venue, retention_days,
                        created_by, version)
SELECT c.id, '第2回 事例検討会（野中式）', 'NONAKA', 'CONSENT', t, 100, 'ブリッジ 相談室', 30, a.id, 0
FROM circle c, account a,
     LATERAL (SELECT ((date_trunc('week', now() AT TIME ZONE 'Asia/Tokyo') + interval '2 weeks' + interval '1 day 15 hours')
                      AT TIME ZONE 'Asia/Tokyo') AS t) x
WHERE c.code = 'okinawa-south-exchange' AND a.email = 'bridge@demo.tsunagu.jp';

INSERT INTO conference_phase (conference_id, position, phase, minutes)
SELECT c.id, p.position, p.phase, p.minutes FROM conference c,
    (VALUES (0, 'SUMMARY', 10), (1, 'QUESTIONS', 40), (2, 'ASSESSMENT', 20), (3, 'IDEAS', 20), (4, 'REFLECTION', 10))
        AS p(position, phase, minutes)
WHERE c.title IN ('第1回 事例検討会（野中式）', '第2回 事例検討会（野中式）');

-- Attendees: ブリッジ facilitates, a transition office presents, Hello Work Naha records. For the
-- upcoming one the recorder has not pledged yet.
INSERT INTO conference_attendee (conference_id, account_id, role, added_at, pledged_at, pledge_basis)
SELECT c.id, a.id, r.role, c.created_at,
       CASE WHEN c.title = '第2回 事例検討会（野中式）' AND r.role = 'RECORDER' THEN NULL ELSE c.created_at + interval '1 day' END,
       CASE WHEN c.title = '第2回 事例検討会（野中式）' AND r.role = 'RECORDER' THEN NULL ELSE 'CONSENT' END
FROM conference c, account a,
     (VALUES ('bridge@demo.tsunagu.jp', 'FACILITATOR'), ('partner@demo.tsunagu.jp', 'PRESENTER'),
             ('hw-naha@demo.tsunagu.jp', 'RECORDER')) AS r(email, role)
WHERE a.email = r.email AND c.title IN ('第1回 事例検討会（野中式）', '第2回 事例検討会（野中式）');

INSERT INTO case_sheet (conference_id, age_band, sex, certificate_type, certificate_grade, diagnosis, household,
                        referral_route, presenting_problem, factors, actions_outcomes, discussion_points, updated_by, version)
SELECT c.id, 60, 'MALE', 'MENTAL', '2', 'MULTIPLE',
       '兄弟2人と同居。弟のひとりは長年ひきこもりの状態にある。',
       '委託相談支援事業所からの相談。',
       '欠勤が続き、勤務先から「このままでは雇用の継続が難しい」と相談があった。',
       E'面談で分かった要因は3つ。\n① 自宅の物があふれ、近隣との間でトラブルになっている。\n② アルコールの自助グループの運営を一人で担い、負担が大きい。\n③ 長年ひきこもっている弟のことが気がかりで眠れない日がある。',
       E'① 社会福祉協議会・民生委員と片付けの段取りを相談 ⇒ 近隣への説明を一緒に行い、苦情は落ち着いた。\n② 自助グループの役割を他のメンバーと分けることを提案 ⇒ 本人が仲間に相談中。\n③ 弟への支援は本人の了解を得て相談支援事業所につないだ ⇒ 弟本人は支援を望まず、いまは見守り。',
       E'本人が「自分で決めた」と思える支え方を続けるには、どの機関がどの頻度で関わるのがよいか。\n弟への関わりを、本人の負担にならない形でどう続けるか。',
       a.id, 1
FROM conference c, account a
WHERE c.title = '第2回 事例検討会（野中式）' AND a.email = 'partner@demo.tsunagu.jp';

INSERT INTO case_team_member (conference_id, position, agency_type, role, frequency, relation)
SELECT c.id, t.position, t.agency, t.role, t.frequency, t.relation FROM conference c,
    (VALUES (0, 'CONSULTATION', '相談の窓口、計画づくり', 'TWICE_MONTHLY', 'STRONG'),
            (1, 'WELFARE_COUNCIL', '片付けの段取り', 'MONTHLY', 'NORMAL'),
            (2, 'COMMUNITY_VOLUNTEER', '近隣との橋渡し、見守り', 'MONTHLY', 'NORMAL'),
            (3, 'OTHER', '市議会議員：地域の相談を受けた', 'AS_NEEDED', 'WEAK'),
            (4, 'HOME_HELP', '家事の援助', 'TWICE_WEEKLY', 'NORMAL'),
            (5, 'SELF_HELP_GROUP', '断酒の仲間、運営の負担あり', 'WEEKLY', 'STRESSED'),
            (6, 'MEDICAL', '通院と服薬', 'MONTHLY', 'STRONG'),
            (7, 'EMPLOYER', '出勤状況の共有', 'WEEKLY', 'NORMAL'))
        AS t(position, agency, role, frequency, relation)
WHERE c.title = '第2回 事例検討会（野中式）';

-- The past conference's learnings (from the single parent's case referred via Hello Work).
INSERT INTO learning (conference_id, kind, body, tags, approved_by, approved_at, created_by, created_at)
SELECT c.id, l.kind, l.body, l.tags, CASE WHEN l.approved THEN a.id END,
       CASE WHEN l.approved THEN c.starts_at + interval '2 days' END, a.id, c.starts_at + interval '100 minutes'
FROM conference c, account a,
    (VALUES ('IDEA', '関わる機関ごとに頻度（月2回、週1回など）を決めて支援チームで共有すると、役割の重なりと抜けが見える。', ARRAY['FAMILY', 'POVERTY', 'NETWORK'], true),
            ('LESSON', '子どもの居場所やフードバンクなど福祉以外の地域資源も支援チームに入れると、生活が安定し、就職活動に向かう余力が生まれた。', ARRAY['FAMILY', 'POVERTY'], true),
            ('LESSON', 'ハローワーク経由の相談でも、先に生活面の課題を整理してから職場実習につなぐと、就職後の定着が見通しやすい。', ARRAY['RETENTION', 'EMPLOYER'], true),
            ('IDEA', '実習先の企業には、本人の了解を得た範囲で配慮事項を伝え、面談の場を一緒に用意する。', ARRAY['EMPLOYER'], false))
        AS l(kind, body, tags, approved)
WHERE c.title = '第1回 事例検討会（野中式）' AND a.email = 'bridge@demo.tsunagu.jp';

-- Reads of the past conference's material before it was deleted (the log outlives the material).
INSERT INTO conference_read (conference_id, account_id, what, read_at)
SELECT c.id, a.id, r.what, c.starts_at - r.before
FROM conference c, account a,
    (VALUES ('partner@demo.tsunagu.jp', 'CASE', interval '2 days'), ('bridge@demo.tsunagu.jp', 'CASE', interval '1 day'),
            ('hw-naha@demo.tsunagu.jp', 'CASE', interval '3 hours'), ('hw-naha@demo.tsunagu.jp', 'BOARD', interval '0 hours'))
        AS r(email, what, before)
WHERE c.title = '第1回 事例検討会（野中式）' AND a.email = r.email;

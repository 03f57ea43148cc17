-- Demo: who administers which organization, and the circles' history so far.
-- Each center's lead administers their center, the secretariat the national network;
-- partner@ administers みなみ風ワークス and hw-naha@ ハローワーク那覇 (fictitious people).
UPDATE membership m SET is_admin = true
  FROM account a, organization o
 WHERE a.id = m.account_id AND o.id = m.organization_id
   AND ((a.role = 'center-lead' AND o.org_type = 'NAKAPOTSU')
     OR (a.role = 'network-admin' AND o.org_type = 'NATIONAL_NETWORK')
     OR (a.email = 'partner@demo.tsunagu.jp' AND o.code = 'okinawa-transition-1')
     OR (a.email = 'hw-naha@demo.tsunagu.jp' AND o.code = 'okinawa-hw-naha'));

INSERT INTO circle_event (circle_id, organization_id, kind, occurred_at)
SELECT cm.circle_id, cm.organization_id, 'JOINED', cm.joined_on::timestamptz FROM circle_member cm
 WHERE NOT EXISTS (SELECT 1 FROM circle_event e WHERE e.circle_id = cm.circle_id AND e.organization_id = cm.organization_id);

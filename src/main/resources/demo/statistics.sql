-- Demo centre statistics (実績): fictitious yearly figures, FY2021–FY2025, for the twelve centres of
-- the six FY2023 pairs (marked fictitious; the reports publish no such per-centre figures). Derived
-- from each centre's id so every run gives the same numbers; retention never above placements.
INSERT INTO center_statistics (center_id, fiscal_year, registered_physical, registered_intellectual, registered_mental,
    registered_developmental, registered_other, consultations_visit, consultations_phone, consultations_other,
    consultations_work, consultations_life, placements, internships, retention_6m_base, retention_6m_kept,
    retention_1y_base, retention_1y_kept, target_placements, target_retention_6m, fictitious, source, updated_at)
SELECT o.id, y,
       20 + (o.id * 7 + y) % 25, 60 + (o.id * 11 + y * 3) % 60, 70 + (o.id * 13 + y * 5) % 80, 25 + (o.id * 5 + y) % 30, 5 + o.id % 7,
       900 + (o.id * 37 + y * 11) % 600, 1500 + (o.id * 41 + y * 7) % 900, 100 + (o.id * 3 + y) % 90,
       1200 + (o.id * 29 + y * 13) % 500, 800 + (o.id * 31 + y * 17) % 400,
       30 + (o.id * 3 + (y - 2021) * 4) % 25, 12 + (o.id + y) % 15,
       28 + (o.id * 3 + (y - 2021) * 4) % 25, 22 + (o.id * 3 + (y - 2021) * 4) % 25 - (o.id + y) % 4,
       25 + (o.id * 5 + y) % 20, 18 + (o.id * 5 + y) % 20 - (o.id + y) % 3,
       40, 80.0, true, 'FORM', make_date(y + 1, 4, 30)::timestamptz
FROM organization o, generate_series(2021, 2025) y
WHERE o.code IN ('gunma-tortoise', 'aomori-minato', 'okinawa-bridge', 'saitama-csa', 'mie-flat', 'shizuoka-boranchi',
                 'ibaraki-mito', 'chiba-katori', 'hokkaido-noikeru', 'kagoshima-airaisa', 'nara-chuwa-bridge', 'tokushima-wakuwaku');

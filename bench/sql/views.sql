-- The rules of DOMAIN.md as SQL views over the pack's tables (loaded as text, as written), shared
-- by DuckDB and SQLite. {SERIES} and {TODAY} are filled in by bench/compare.
-- Assumes a pack with a centre column in every file and candidate numbers written alike in every
-- file (as exq generate writes them past 2,000 candidates), so keys join as text and SQLite can
-- build its automatic indexes for the joins.

-- Entries: estimated completion defaults to the series; candidate numbers compare as numbers.
CREATE VIEW ent AS
SELECT centre, candidate, qualification, series, rn,
       COALESCE(NULLIF(completion, ''), series) AS completion,
       lower(COALESCE(acknowledged, '')) IN ('yes', 'y', 'true', '1') AS ack
FROM entries;

-- Each unit of each entry of a unitised qualification, with the best of the candidate's rows for
-- it: achieved (not U) 4 > in progress 3 > absent 2 > achieved U 1 > no row 0.
CREATE VIEW entry_unit AS
SELECT e.rn, e.centre, e.candidate, e.qualification, e.completion, e.ack, u.unit,
       CAST(u.glh AS INTEGER) AS glh,
       lower(u.mandatory) IN ('yes', 'y', 'true', '1') AS mandatory, lower(u.assessment) AS assessment,
       COALESCE(MAX(CASE WHEN lower(a.status) = 'achieved' THEN (CASE WHEN upper(COALESCE(a.grade, '')) = 'U' THEN 1 ELSE 4 END)
                         WHEN lower(a.status) IN ('claimed', 'entered') THEN 3
                         WHEN lower(a.status) = 'absent' THEN 2 END), 0) AS best
FROM ent e
JOIN units u ON u.qualification = e.qualification
LEFT JOIN achievements a ON a.centre = e.centre AND a.candidate = e.candidate AND a.qualification = e.qualification AND a.unit = u.unit
GROUP BY e.rn, e.centre, e.candidate, e.qualification, e.completion, e.ack, u.unit, u.glh, u.mandatory, u.assessment;

-- Each entry of a unitised qualification with its reasons (no row for any unit = no activity).
CREATE VIEW entry_reasons AS
SELECT x.rn, x.centre, x.candidate, x.qualification, x.completion, x.ack,
       MAX(x.best) = 0 AS no_activity,
       MAX(CASE WHEN x.mandatory AND x.best IN (0, 1) THEN 1 ELSE 0 END) = 1 AS mandatory_not_achieved,
       MAX(CASE WHEN x.mandatory AND x.best = 2 AND x.assessment = 'exam' THEN 1 ELSE 0 END) = 1 AS absent_mandatory_exam,
       SUM(CASE WHEN x.best >= 3 THEN x.glh ELSE 0 END) AS glh_achieved,
       MAX(COALESCE(CAST(NULLIF(q.glh, '') AS INTEGER), 0)) AS glh_required
FROM entry_unit x JOIN qualifications q ON q.qualification = x.qualification
GROUP BY x.rn, x.centre, x.candidate, x.qualification, x.completion, x.ack;

-- How a calendar row's applies_to fits a qualification: code 3 > type 2 > level 1 > all 0; NULL = not at all.
CREATE VIEW event_fit AS
SELECT c.series, c.event, c.date, c.rn, q.qualification,
       CASE WHEN trim(COALESCE(c.applies_to, '')) = '' THEN 0
            WHEN lower(trim(c.applies_to)) = lower(q.qualification) THEN 3
            WHEN lower(trim(c.applies_to)) = lower(trim(COALESCE(q.type, ''))) THEN 2
            WHEN lower(trim(c.applies_to)) LIKE 'level%'
                 AND ('/' || lower(COALESCE(q.level, '')) || '/') LIKE ('%/' || trim(substr(lower(trim(c.applies_to)), 6)) || '/%') THEN 1
       END AS fit
FROM calendar c, qualifications q
WHERE COALESCE(c.date, '') <> '';

-- The row of each event that applies most specifically to each qualification (ties: the later row).
CREATE VIEW qual_event AS
SELECT series, event, qualification, date FROM (
    SELECT series, event, qualification, date,
           row_number() OVER (PARTITION BY series, event, qualification ORDER BY fit DESC, rn DESC) AS k
    FROM event_fit WHERE fit IS NOT NULL
) WHERE k = 1;

-- The day results reach the centre: restricted release, else results day.
CREATE VIEW arrival AS
SELECT q.qualification, COALESCE(rr.date, rd.date) AS day
FROM qualifications q
LEFT JOIN qual_event rr ON rr.qualification = q.qualification AND rr.event = 'restricted_release' AND rr.series = '{SERIES}'
LEFT JOIN qual_event rd ON rd.qualification = q.qualification AND rd.event = 'results_day' AND rd.series = '{SERIES}';

-- Each review with its deadline: the service's calendar event in the series of the latest result
-- (else the latest entry's completion, else the current series); appeals 30 and 14 days after the
-- latest earlier review's (or stage 1 appeal's) outcome.
CREATE VIEW review_latest AS
SELECT r.rn, MAX(x.rn) AS result_rn, MAX(e.rn) AS entry_rn
FROM reviews r
LEFT JOIN results x ON x.centre = r.centre AND x.candidate = r.candidate AND x.qualification = r.qualification
LEFT JOIN ent e ON e.centre = r.centre AND e.candidate = r.candidate AND e.qualification = r.qualification
GROUP BY r.rn;

CREATE VIEW review_series AS
SELECT l.rn, COALESCE(x.series, e.completion, '{SERIES}') AS series
FROM review_latest l
LEFT JOIN results x ON x.rn = l.result_rn
LEFT JOIN ent e ON e.rn = l.entry_rn;

CREATE VIEW review_basis AS
SELECT a.rn, (SELECT b.outcome_date FROM reviews b
              WHERE b.rn <> a.rn AND b.centre = a.centre AND b.candidate = a.candidate
                AND b.qualification = a.qualification
                AND (CASE WHEN upper(a.service) = 'APPEAL1' THEN upper(b.service) IN ('1', '2', '2P', '3') ELSE upper(b.service) = 'APPEAL1' END)
                AND (COALESCE(a.component, '') = '' OR b.component = a.component)
                AND (CASE WHEN COALESCE(a.requested, '') = '' OR COALESCE(b.requested, '') = '' THEN b.rn < a.rn ELSE b.requested <= a.requested END)
              ORDER BY COALESCE(b.requested, '') DESC, b.rn DESC LIMIT 1) AS basis_outcome
FROM reviews a WHERE upper(a.service) IN ('APPEAL1', 'APPEAL2');

CREATE VIEW review_deadline AS
SELECT r.rn, r.id, r.centre, r.candidate, r.qualification, r.service, r.submitted,
       CASE WHEN upper(r.service) = 'APPEAL1' THEN {ADD_DAYS(b.basis_outcome, 30)}
            WHEN upper(r.service) = 'APPEAL2' THEN {ADD_DAYS(b.basis_outcome, 14)}
            ELSE ev.date END AS deadline
FROM reviews r
JOIN review_series s ON s.rn = r.rn
LEFT JOIN review_basis b ON b.rn = r.rn
LEFT JOIN qual_event ev ON ev.qualification = r.qualification AND ev.series = s.series
     AND ev.event = CASE upper(r.service) WHEN '2P' THEN 'priority_review_deadline'
                                          WHEN '1' THEN 'review_deadline' WHEN '2' THEN 'review_deadline' WHEN '3' THEN 'review_deadline'
                                          WHEN 'ATSP' THEN 'priority_ats_deadline' WHEN 'ATS' THEN 'ats_deadline'
                                          WHEN 'MIR' THEN 'mir_deadline' END;

-- The rules of DOMAIN.md (format 2) as SQL views over the pack's tables (loaded as text, as
-- written), shared by DuckDB and SQLite. {SERIES} and {TODAY} are filled in by bench/compare, and
-- so is {SERIES_ORDER(x)}: series name x as a number that orders series by date (year * 12 +
-- month, read from a season or month word and a four-digit year: `January 2024` < `Summer 2024`
-- < `November 2024`; `June 2024` is `Summer 2024`), or NULL for a name with no year. Two names are
-- one series when their numbers are equal (a name with no year is of no series here; exq matches
-- such a name to itself, and orders it after nothing).
-- Assumes a pack with a centre column in every file and candidate numbers written alike in every
-- file (as exq generate writes them past 2,000 candidates), so keys join as text and SQLite can
-- build its automatic indexes for the joins.

-- Series names as numbers, each distinct name of a column worked out once. (The row numbers keep
-- DuckDB from pushing a filter on the number below the DISTINCT, which would work it out per row.)
CREATE VIEW completion_name AS
SELECT name, {SERIES_ORDER(name)} AS series_order
FROM (SELECT name, row_number() OVER () AS k
      FROM (SELECT DISTINCT COALESCE(NULLIF(completion, ''), series) AS name FROM entries) AS d) AS names;

CREATE VIEW unit_row_series_name AS
SELECT name, {SERIES_ORDER(name)} AS series_order
FROM (SELECT name, row_number() OVER () AS k FROM (SELECT DISTINCT series AS name FROM achievements) AS d) AS names;

CREATE VIEW result_series_name AS
SELECT name, {SERIES_ORDER(name)} AS series_order
FROM (SELECT name, row_number() OVER () AS k FROM (SELECT DISTINCT series AS name FROM results) AS d) AS names;

-- Entries: estimated completion defaults to the series; each entry is judged in that series.
CREATE VIEW ent AS
SELECT e.centre, e.candidate, e.qualification, e.series, e.rn, s.name AS completion, s.series_order AS completion_order,
       lower(COALESCE(e.acknowledged, '')) IN ('yes', 'y', 'true', '1') AS ack
FROM entries e JOIN completion_name s ON s.name = COALESCE(NULLIF(e.completion, ''), e.series);

-- Each unit row (achievements.csv) with its series as a number and its standing: achieved (not
-- U) 4 > in progress (claimed, entered) 3 > absent 2 > achieved U 1. Unit rows carry no date:
-- all are known whatever today is.
CREATE VIEW unit_row AS
SELECT a.centre, a.candidate, a.qualification, a.unit, s.series_order,
       CASE WHEN lower(status) = 'achieved' THEN (CASE WHEN upper(COALESCE(grade, '')) IN ('U', 'NOT ACHIEVED') THEN 1 ELSE 4 END)
            WHEN lower(status) IN ('claimed', 'entered') THEN 3
            WHEN lower(status) = 'absent' THEN 2 END AS standing
FROM achievements a JOIN unit_row_series_name s ON s.name = a.series;

-- Each unit (by its row number) of each entry of a unitised qualification, with the best of the
-- candidate's rows for it that count in the entry's own series (its completion): a row of a
-- later series never counts (it has not happened yet), and a row in progress counts only in that
-- series (one left from an earlier series is stale); no row that counts = 0. Also whether the
-- candidate was absent from the unit in that series. Only rows for the entry's own qualification
-- count.
CREATE VIEW entry_unit AS
SELECT e.rn, e.centre, e.candidate, e.qualification, e.ack, e.completion_order, u.rn AS unit_rn,
       COALESCE(MAX(CASE WHEN a.series_order > e.completion_order THEN NULL
                         WHEN a.standing = 3 AND NOT COALESCE(a.series_order = e.completion_order, FALSE) THEN NULL
                         ELSE a.standing END), 0) AS best,
       MAX(CASE WHEN a.standing = 2 AND a.series_order = e.completion_order THEN 1 ELSE 0 END) AS absent_in_series
FROM ent e
JOIN units u ON u.qualification = e.qualification
LEFT JOIN unit_row a ON a.centre = e.centre AND a.candidate = e.candidate AND a.qualification = e.qualification AND a.unit = u.unit
GROUP BY e.rn, e.centre, e.candidate, e.qualification, e.ack, e.completion_order, u.rn;

-- Each entry of a unitised qualification, judged in its own series, with the Progress Tracker's
-- reasons: No activity (no row counts for any unit; then the only reason), Mandatory unit not yet
-- achieved (a mandatory unit's best row is none, U or absent), Absent from a mandatory examined
-- unit (a mandatory exam unit whose best row is an absence in the entry's series), Not enough GLH
-- (the GLH of units achieved, not U, or in progress short of the qualification's; a blank GLH is 0).
CREATE VIEW entry_judged AS
SELECT x.rn, x.centre, x.candidate, x.qualification, x.ack, x.completion_order,
       MAX(x.best) = 0 AS no_activity,
       MAX(CASE WHEN lower(u.mandatory) IN ('yes', 'y', 'true', '1') AND x.best IN (0, 1, 2) THEN 1 ELSE 0 END) = 1 AS mandatory_not_achieved,
       MAX(CASE WHEN lower(u.mandatory) IN ('yes', 'y', 'true', '1') AND x.best = 2 AND x.absent_in_series = 1
                     AND lower(u.assessment) = 'exam' THEN 1 ELSE 0 END) = 1 AS absent_mandatory_exam,
       SUM(CASE WHEN x.best >= 3 THEN CAST(u.glh AS INTEGER) ELSE 0 END)
         < MAX(COALESCE(CAST(NULLIF(q.glh, '') AS INTEGER), 0)) AS short_of_glh
FROM entry_unit x
JOIN units u ON u.rn = x.unit_rn
JOIN qualifications q ON q.qualification = u.qualification
GROUP BY x.rn, x.centre, x.candidate, x.qualification, x.ack, x.completion_order;

CREATE VIEW entry_reasons AS
SELECT rn, centre, candidate, qualification, completion_order, ack, no_activity,
       NOT no_activity AND mandatory_not_achieved AS mandatory_not_achieved,
       NOT no_activity AND absent_mandatory_exam AS absent_mandatory_exam,
       NOT no_activity AND short_of_glh AS not_enough_glh,
       no_activity OR mandatory_not_achieved OR absent_mandatory_exam OR short_of_glh AS any_reason
FROM entry_judged;

-- The calendar: the pack's rows, and the built-in calendars' events it does not give (a pack's
-- row for the same series, event and applies_to wins; built-in rows count as after the pack's).
-- Built in (DOMAIN.md "Series and calendars"): Summer 2024 from the seeds; Summer 2025 and 2026
-- results days, with their post-results deadlines estimated from the level 3 results day
-- (priority review + 7 days, priority copy of script + 14, every other service + 42).
CREATE VIEW cal AS
WITH pack AS (
    SELECT {SERIES_ORDER(series)} AS series_order, lower(trim(event)) AS event, date,
           lower(trim(COALESCE(applies_to, ''))) AS applies_to, rn
    FROM calendar
), builtin(series, event, date, applies_to) AS (VALUES
    ('Summer 2024', 'claims_deadline', '2024-06-15', ''),
    ('Summer 2024', 'restricted_release', '2024-08-14', 'level 3'),
    ('Summer 2024', 'results_day', '2024-08-15', 'level 3'),
    ('Summer 2024', 'restricted_release', '2024-08-21', ''),
    ('Summer 2024', 'results_day', '2024-08-22', ''),
    ('Summer 2024', 'priority_review_deadline', '2024-08-22', 'level 3'),
    ('Summer 2024', 'priority_ats_deadline', '2024-08-29', 'cambridge technical'),
    ('Summer 2024', 'review_deadline', '2024-09-26', ''),
    ('Summer 2024', 'ats_deadline', '2024-09-26', ''),
    ('Summer 2024', 'mir_deadline', '2024-09-26', ''),
    ('Summer 2024', 'late_certification_deadline', '2024-09-26', ''),
    ('Summer 2025', 'claims_deadline', '2025-06-15', ''),
    ('Summer 2025', 'restricted_release', '2025-08-13', 'level 3'),
    ('Summer 2025', 'results_day', '2025-08-14', 'level 3'),
    ('Summer 2025', 'restricted_release', '2025-08-20', ''),
    ('Summer 2025', 'results_day', '2025-08-21', ''),
    ('Summer 2025', 'priority_review_deadline', '2025-08-21', 'level 3'),
    ('Summer 2025', 'priority_ats_deadline', '2025-08-28', 'cambridge technical'),
    ('Summer 2025', 'review_deadline', '2025-09-25', ''),
    ('Summer 2025', 'ats_deadline', '2025-09-25', ''),
    ('Summer 2025', 'mir_deadline', '2025-09-25', ''),
    ('Summer 2025', 'late_certification_deadline', '2025-09-25', ''),
    ('Summer 2026', 'claims_deadline', '2026-06-15', ''),
    ('Summer 2026', 'restricted_release', '2026-08-12', 'level 3'),
    ('Summer 2026', 'results_day', '2026-08-13', 'level 3'),
    ('Summer 2026', 'restricted_release', '2026-08-19', ''),
    ('Summer 2026', 'results_day', '2026-08-20', ''),
    ('Summer 2026', 'priority_review_deadline', '2026-08-20', 'level 3'),
    ('Summer 2026', 'priority_ats_deadline', '2026-08-27', 'cambridge technical'),
    ('Summer 2026', 'review_deadline', '2026-09-24', ''),
    ('Summer 2026', 'ats_deadline', '2026-09-24', ''),
    ('Summer 2026', 'mir_deadline', '2026-09-24', ''),
    ('Summer 2026', 'late_certification_deadline', '2026-09-24', '')
), built AS (
    SELECT {SERIES_ORDER(series)} AS series_order, event, date, applies_to,
           1000000000 + row_number() OVER (ORDER BY date, event, applies_to) AS rn
    FROM builtin
)
SELECT series_order, event, date, applies_to, rn FROM pack
UNION ALL
SELECT b.series_order, b.event, b.date, b.applies_to, b.rn
FROM built b LEFT JOIN pack p ON p.series_order = b.series_order AND p.event = b.event AND p.applies_to = b.applies_to
WHERE p.rn IS NULL;

-- How a calendar row's applies_to fits a qualification: code 3 > type 2 > level 1 > all 0; NULL = not at all.
CREATE VIEW event_fit AS
SELECT c.series_order, c.event, c.date, c.rn, q.qualification,
       CASE WHEN c.applies_to = '' THEN 0
            WHEN c.applies_to = lower(q.qualification) THEN 3
            WHEN c.applies_to = lower(trim(COALESCE(q.type, ''))) THEN 2
            WHEN c.applies_to LIKE 'level%'
                 AND ('/' || lower(COALESCE(q.level, '')) || '/') LIKE ('%/' || trim(substr(c.applies_to, 6)) || '/%') THEN 1
       END AS fit
FROM cal c, qualifications q
WHERE COALESCE(c.date, '') <> '';

-- The row of each event that applies most specifically to each qualification (ties: the later row).
CREATE VIEW qual_event AS
SELECT series_order, event, qualification, date FROM (
    SELECT series_order, event, qualification, date,
           row_number() OVER (PARTITION BY series_order, event, qualification ORDER BY fit DESC, rn DESC) AS k
    FROM event_fit WHERE fit IS NOT NULL
) AS ranked WHERE k = 1;

-- The day a series' results reach the centre, per qualification: its restricted release, else
-- its results day; no row when the calendars give neither (then results are not presumed to have
-- come, and those that are there are known).
CREATE VIEW arrival AS
SELECT series_order, qualification,
       COALESCE(MAX(CASE WHEN event = 'restricted_release' THEN date END),
                MAX(CASE WHEN event = 'results_day' THEN date END)) AS day
FROM qual_event WHERE event IN ('restricted_release', 'results_day')
GROUP BY series_order, qualification;

-- Post-results requests as known today (DOMAIN.md "Time"): a request from `requested`; its
-- submission and outcome from their own dates (until then blank). A blank date is known.
CREATE VIEW rev AS
SELECT rn, id, centre, candidate, qualification, COALESCE(component, '') AS component, upper(trim(service)) AS service,
       COALESCE(requested, '') AS requested, {SERIES_ORDER(NULLIF(trim(COALESCE(series, '')), ''))} AS series_given,
       CASE WHEN submitted > '{TODAY}' THEN '' ELSE COALESCE(submitted, '') END AS submitted,
       CASE WHEN outcome_date > '{TODAY}' THEN '' ELSE lower(COALESCE(outcome, '')) END AS outcome,
       CASE WHEN outcome_date > '{TODAY}' THEN NULL ELSE NULLIF(outcome_date, '') END AS outcome_date,
       CASE WHEN outcome_date > '{TODAY}' THEN '' ELSE COALESCE(new_grade, '') END AS new_grade
FROM reviews
WHERE COALESCE(requested, '') = '' OR requested <= '{TODAY}';

-- A request's series, the series of the result it reviews: its series column when given; else the
-- latest series whose results day for the qualification is on or before `requested` (the unit it
-- names does not date it). NULL: unknown (and so is its deadline).
CREATE VIEW review_results_day_series AS
SELECT r.rn, MAX(d.series_order) AS series_order
FROM rev r
LEFT JOIN qual_event d ON d.qualification = r.qualification AND d.event = 'results_day' AND d.date <= r.requested
GROUP BY r.rn;

CREATE VIEW review_series AS
SELECT r.rn, COALESCE(r.series_given, d.series_order) AS series_order
FROM rev r
LEFT JOIN review_results_day_series d ON d.rn = r.rn;

-- An appeal's basis: the outcome date of the latest earlier review of results (1, 2, 2P, 3) for
-- APPEAL1, or of the latest earlier APPEAL1 for APPEAL2, of the same candidate and qualification
-- (and component, where the appeal names one). Earlier: requested on or before the appeal (the
-- earlier row when either date is blank); latest: the latest request date, then the later row.
CREATE VIEW review_basis AS
SELECT a.rn, (SELECT b.outcome_date FROM rev b
              WHERE b.rn <> a.rn AND b.centre = a.centre AND b.candidate = a.candidate
                AND b.qualification = a.qualification
                AND (CASE WHEN a.service = 'APPEAL1' THEN b.service IN ('1', '2', '2P', '3') ELSE b.service = 'APPEAL1' END)
                AND (a.component = '' OR b.component = a.component)
                AND (CASE WHEN a.requested = '' OR b.requested = '' THEN b.rn < a.rn ELSE b.requested <= a.requested END)
              ORDER BY b.requested DESC, b.rn DESC LIMIT 1) AS basis_outcome
FROM rev a WHERE a.service IN ('APPEAL1', 'APPEAL2');

-- Each request with its deadline: the calendar event for its service in its series that applies
-- most specifically to its qualification; appeals 30 (stage 1) and 14 (stage 2) days after their
-- basis' outcome. NULL: unknown (then neither due nor overdue).
CREATE VIEW review_deadline AS
SELECT r.rn, r.id, r.centre, r.candidate, r.qualification, r.service, r.submitted,
       CASE WHEN r.service = 'APPEAL1' THEN {ADD_DAYS(b.basis_outcome, 30)}
            WHEN r.service = 'APPEAL2' THEN {ADD_DAYS(b.basis_outcome, 14)}
            ELSE ev.date END AS deadline
FROM rev r
JOIN review_series s ON s.rn = r.rn
LEFT JOIN review_basis b ON b.rn = r.rn
LEFT JOIN qual_event ev ON ev.qualification = r.qualification AND ev.series_order = s.series_order
     AND ev.event = CASE r.service WHEN '2P' THEN 'priority_review_deadline'
                                   WHEN '1' THEN 'review_deadline' WHEN '2' THEN 'review_deadline' WHEN '3' THEN 'review_deadline'
                                   WHEN 'ATSP' THEN 'priority_ats_deadline' WHEN 'ATS' THEN 'ats_deadline'
                                   WHEN 'MIR' THEN 'mir_deadline' END;

-- Results as known today (DOMAIN.md "Time"): a series' results for a qualification are known from
-- their arrival (restricted release, else results day); where no calendar gives either, known.
CREATE VIEW res AS
SELECT r.rn, r.centre, r.candidate, r.qualification, s.series_order, r.grade
FROM results r
JOIN result_series_name s ON s.name = r.series
LEFT JOIN arrival a ON a.series_order = s.series_order AND a.qualification = r.qualification
WHERE a.day IS NULL OR a.day <= '{TODAY}';

-- Outcomes change results: a raised or lowered outcome known today with a new_grade sets the
-- grade of the result its request reviews (the candidate's result for the request's
-- qualification in the request's series; of two such rows, the later); where several outcomes
-- change one result, the latest (by outcome_date, a blank one first; then row) sets it.
CREATE VIEW grade_change AS
SELECT result_rn, new_grade FROM (
    SELECT result_rn, new_grade,
           row_number() OVER (PARTITION BY result_rn ORDER BY outcome_date DESC, review_rn DESC) AS k
    FROM (SELECT r.rn AS review_rn, COALESCE(r.outcome_date, '') AS outcome_date, r.new_grade, MAX(x.rn) AS result_rn
          FROM rev r
          JOIN review_series s ON s.rn = r.rn
          JOIN res x ON x.centre = r.centre AND x.candidate = r.candidate AND x.qualification = r.qualification
                    AND x.series_order = s.series_order
          WHERE r.outcome IN ('raised', 'lowered') AND r.new_grade <> ''
          GROUP BY r.rn, r.outcome_date, r.new_grade) AS changes
) AS latest WHERE k = 1;

-- Results known today, counted by qualification, series and grade as issued (counted before
-- anything is joined to them, as a SQL writer would).
CREATE VIEW result_count AS
SELECT g.qualification, s.series_order, g.grade, g.n
FROM (SELECT qualification, series, grade, count(*) AS n FROM results GROUP BY qualification, series, grade) AS g
JOIN result_series_name s ON s.name = g.series
LEFT JOIN arrival a ON a.series_order = s.series_order AND a.qualification = g.qualification
WHERE a.day IS NULL OR a.day <= '{TODAY}';

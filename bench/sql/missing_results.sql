-- entries | where missing_result: completing in the current series, that series' results have
-- reached the centre for its qualification, the candidate has no result row for it in that
-- series, and it is expected to get one (not Not Eligible, acknowledged or not).
SELECT count(*) FROM ent e
JOIN arrival a ON a.series_order = e.completion_order AND a.qualification = e.qualification
LEFT JOIN (SELECT r.centre, r.candidate, r.qualification FROM results r JOIN result_series_name s ON s.name = r.series
           WHERE s.series_order = {SERIES_ORDER('{SERIES}')}) AS result
       ON result.centre = e.centre AND result.candidate = e.candidate AND result.qualification = e.qualification
WHERE e.completion_order = {SERIES_ORDER('{SERIES}')} AND a.day <= '{TODAY}'
  AND result.candidate IS NULL
  AND e.rn NOT IN (SELECT rn FROM entry_reasons WHERE completion_order = {SERIES_ORDER('{SERIES}')} AND any_reason);

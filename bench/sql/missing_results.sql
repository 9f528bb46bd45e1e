-- entries | where missing_result: completing in the current series, that series' results have
-- reached the centre for its qualification, the candidate has no result row for it in that
-- series, and it is expected to get one (not Not Eligible, acknowledged or not).
SELECT count(*) FROM ent e
JOIN current_series s ON e.completion_order = s.series_order
JOIN arrival a ON a.series_order = s.series_order AND a.qualification = e.qualification
LEFT JOIN entry_reasons x ON x.rn = e.rn
WHERE a.day <= '{TODAY}' AND NOT COALESCE(x.any_reason, FALSE)
  AND NOT EXISTS (SELECT 1 FROM results r
                  WHERE r.centre = e.centre AND r.candidate = e.candidate AND r.qualification = e.qualification
                    AND {SERIES_ORDER(r.series)} = s.series_order);

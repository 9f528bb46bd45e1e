-- entries | where missing_result: completing this series, results have arrived for it, and no result row.
SELECT count(*) FROM ent e
JOIN arrival a ON a.qualification = e.qualification
LEFT JOIN results r ON r.centre = e.centre AND r.candidate = e.candidate AND r.qualification = e.qualification AND r.series = e.completion
WHERE e.completion = '{SERIES}' AND a.day IS NOT NULL AND a.day <= '{TODAY}' AND r.rn IS NULL;

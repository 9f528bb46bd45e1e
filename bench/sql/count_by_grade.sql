-- results | count by qualification, grade: every result known today (of every series, as exq
-- counts them), by its grade as it stands today.
SELECT qualification, grade, count(*) FROM result_today GROUP BY qualification, grade ORDER BY qualification, grade;

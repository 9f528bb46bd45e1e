-- results | count by qualification, grade
SELECT qualification, grade, count(*) FROM results GROUP BY qualification, grade ORDER BY qualification, grade;

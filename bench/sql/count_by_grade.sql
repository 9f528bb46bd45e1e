-- results | count by qualification, grade: every result known today (of every series, as exq
-- counts them) under its grade as it stands today: the results counted by the grade they were
-- issued with, then each result an outcome changed moved from that grade (-1) to its new one (+1).
SELECT qualification, grade, SUM(n) FROM (
    SELECT qualification, grade, n FROM result_count
    UNION ALL
    SELECT r.qualification, CASE WHEN move.n = 1 THEN g.new_grade ELSE r.grade END, move.n
    FROM grade_change g JOIN results r ON r.rn = g.result_rn
    CROSS JOIN (SELECT -1 AS n UNION ALL SELECT 1) AS move
) AS counted
GROUP BY qualification, grade HAVING SUM(n) > 0
ORDER BY qualification, grade;

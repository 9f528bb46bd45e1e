-- reviews | where due and deadline in this week: not submitted, deadline not passed, deadline Monday to Sunday of today's week.
SELECT count(*) FROM review_deadline
WHERE COALESCE(submitted, '') = '' AND deadline >= '{TODAY}' AND deadline BETWEEN '{MONDAY}' AND '{SUNDAY}';

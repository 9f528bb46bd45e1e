-- reviews | where due and deadline in this week: known today, not submitted (as known today),
-- deadline not passed, deadline Monday to Sunday of today's week.
SELECT count(*) FROM review_deadline
WHERE submitted = '' AND deadline >= '{TODAY}' AND deadline BETWEEN '{MONDAY}' AND '{SUNDAY}';

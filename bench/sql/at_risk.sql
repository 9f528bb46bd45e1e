-- entries | where at_risk: completing in the current series, not acknowledged, with a reason.
SELECT centre, candidate, qualification FROM entry_reasons
WHERE completion_order = (SELECT series_order FROM current_series) AND NOT ack AND any_reason
ORDER BY centre, candidate, qualification;

-- entries | where at_risk: completing in the current series, not acknowledged, with a reason.
SELECT centre, candidate, qualification FROM entry_reasons
WHERE completion_order = {SERIES_ORDER('{SERIES}')} AND NOT ack AND any_reason
ORDER BY centre, candidate, qualification;

-- entries | where at_risk: completing this series, not acknowledged, with a reason.
SELECT centre, candidate, qualification FROM entry_reasons
WHERE completion = '{SERIES}' AND NOT ack
  AND (no_activity OR mandatory_not_achieved OR absent_mandatory_exam OR glh_achieved < glh_required)
ORDER BY centre, candidate, qualification;

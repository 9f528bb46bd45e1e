-- entries | where lacks_mandatory: completing in the current series (acknowledged or not), with
-- No activity or Mandatory unit not yet achieved.
SELECT count(*) FROM entry_reasons
WHERE completion_order = {SERIES_ORDER('{SERIES}')} AND (no_activity OR mandatory_not_achieved);

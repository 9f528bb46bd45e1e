-- entries | where lacks_mandatory: completing this series (acknowledged or not), no activity or a mandatory unit not achieved.
SELECT count(*) FROM entry_reasons
WHERE completion = '{SERIES}' AND (no_activity OR mandatory_not_achieved);

-- entries | where candidate = "0042": every centre's candidate 0042.
SELECT count(*) FROM entries WHERE CAST(candidate AS INTEGER) = 42;

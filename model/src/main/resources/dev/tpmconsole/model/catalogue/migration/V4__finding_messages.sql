-- Version 4: a finding keeps its sentence as a message too (its bundle key and arguments, JSON: see MessageJson),
-- so that a window shows it in the reader's language; `detail` stays the English sentence scripts read. Null for the
-- findings recorded before version 4 and for a sentence whose arguments are not kept: their English is shown.

ALTER TABLE finding ADD COLUMN message TEXT;

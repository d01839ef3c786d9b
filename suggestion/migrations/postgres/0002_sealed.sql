-- The citizen's phone and message are sealed with the contact key
-- (package sealed); seal_key names the key that sealed a row, '' a row
-- stored before, which the server seals at start (suggestion.Reseal).
-- Lists show phone_masked. lookup_key stays as it is: the last four phone
-- digits, which phone_masked shows anyway, or the receipt's query code.
ALTER TABLE suggestions ADD COLUMN seal_key TEXT NOT NULL DEFAULT '';
ALTER TABLE suggestions ADD COLUMN phone_masked TEXT NOT NULL DEFAULT '';
CREATE INDEX suggestions_seal_key ON suggestions (seal_key);

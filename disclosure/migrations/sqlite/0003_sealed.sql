-- Applicants' personal data is sealed with the contact key (package
-- sealed): name, id_number, legal_rep, contact_name, phone, email,
-- address, description and note of a request, the name and bytes of its
-- scan. seal_key names the key that sealed a row; '' is a row stored
-- before, which the server seals at start (disclosure.Reseal). Lists show
-- the masked copies and never open a sealed value. phone_last4 stays as
-- it is: the status lookup compares it, and phone_masked shows the same
-- four digits.
ALTER TABLE disclosure_requests ADD COLUMN seal_key TEXT NOT NULL DEFAULT '';
ALTER TABLE disclosure_requests ADD COLUMN name_masked TEXT NOT NULL DEFAULT '';
ALTER TABLE disclosure_requests ADD COLUMN id_masked TEXT NOT NULL DEFAULT '';
ALTER TABLE disclosure_requests ADD COLUMN phone_masked TEXT NOT NULL DEFAULT '';
CREATE INDEX disclosure_requests_seal_key ON disclosure_requests (seal_key);
ALTER TABLE disclosure_scans ADD COLUMN seal_key TEXT NOT NULL DEFAULT '';
CREATE INDEX disclosure_scans_seal_key ON disclosure_scans (seal_key);

-- Fingerprints of the keys that live outside the database (HMAC of a fixed label under the key,
-- which does not reveal the key), so an instance started with another token key than the
-- instance that first used this database can warn that its tokens will not match.
CREATE TABLE installation_keys (
    name        VARCHAR(40) NOT NULL PRIMARY KEY,
    fingerprint VARCHAR(64) NOT NULL
);

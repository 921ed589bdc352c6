-- Last-used times get their own change counter, so that other processes learn of new last-used
-- times (the console's Tokens screen shows them) without emptying their credential caches.
INSERT INTO change_versions (kind, version) VALUES ('TOKEN_USE', 0);

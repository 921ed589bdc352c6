-- The status filter of the Tokens screen and the dashboard's count of active tokens count revoked
-- and expired tokens through these indexes, instead of reading every token.
CREATE INDEX ix_api_tokens_revoked_at ON api_tokens (revoked_at);
CREATE INDEX ix_api_tokens_expires_at ON api_tokens (expires_at);

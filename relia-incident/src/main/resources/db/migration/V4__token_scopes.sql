-- Scopes and expiry of relia serve's bearer tokens. scopes lists what a token may do, comma-separated (intake, read,
-- write, admin); NULL marks a token created before scopes existed, which keeps every scope. expires_at is epoch ms,
-- NULL for a token that never expires.
ALTER TABLE api_tokens ADD COLUMN scopes VARCHAR(100);
ALTER TABLE api_tokens ADD COLUMN expires_at BIGINT;

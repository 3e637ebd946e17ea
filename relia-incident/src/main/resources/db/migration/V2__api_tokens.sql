-- Bearer tokens of relia serve. Only a SHA-256 hash of each token is kept: a stolen database yields no token.
CREATE TABLE api_tokens (
    id ${id_column},
    name VARCHAR(200) NOT NULL,
    token_hash VARCHAR(64) NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
);

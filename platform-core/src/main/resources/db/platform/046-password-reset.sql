--liquibase formatted sql

--changeset mercato:046-password-reset-tokens
-- Single-use password reset links. Only the SHA-256 of a token is kept, so a leaked table
-- opens no account.
CREATE TABLE public.password_reset_tokens (
    token_hash text PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES public.users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX password_reset_tokens_user ON public.password_reset_tokens (user_id);

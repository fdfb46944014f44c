--liquibase formatted sql

--changeset mercato:040-invitations
-- Invitations to join a shop. Only the SHA-256 hash of the link's token is stored, so a copy of
-- the database opens no invitation. An invitation is pending (and takes a seat) while it is
-- neither accepted nor revoked and has not expired; resending replaces the hash and the expiry.
CREATE TABLE public.invitations (
    id               uuid PRIMARY KEY,
    tenant_id        uuid        NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
    email            text        NOT NULL,
    role             text        NOT NULL CHECK (role IN ('OWNER', 'ADMIN', 'AGENT')),
    token_hash       bytea       NOT NULL,
    invited_by       uuid,
    created_at       timestamptz NOT NULL,
    sent_at          timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL,
    accepted_at      timestamptz,
    accepted_by      uuid,
    revoked_at       timestamptz,
    CONSTRAINT invitations_email_lowercase CHECK (email = lower(email)),
    CONSTRAINT invitations_token_hash_unique UNIQUE (token_hash),
    CONSTRAINT invitations_closed_once CHECK (accepted_at IS NULL OR revoked_at IS NULL)
);
-- At most one open invitation per person and shop; an expired one is revoked before a new one is made.
CREATE UNIQUE INDEX invitations_one_open_per_email ON public.invitations (tenant_id, email)
    WHERE accepted_at IS NULL AND revoked_at IS NULL;

--changeset mercato:040-memberships-seat-order
-- The seat check orders a shop's active members by activation (most recent beyond the seats).
CREATE INDEX memberships_tenant_active ON public.memberships (tenant_id, activated_at) WHERE status = 'ACTIVE';

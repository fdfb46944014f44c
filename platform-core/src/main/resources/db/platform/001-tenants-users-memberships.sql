--liquibase formatted sql

--changeset mercato:001-tenants
CREATE TABLE public.tenants (
    id               uuid PRIMARY KEY,
    slug             text        NOT NULL,
    name             text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('PROVISIONING', 'TRIALING', 'ACTIVE', 'PAST_DUE', 'SUSPENDED', 'CANCELLED', 'PURGED')),
    plan_code        text        NOT NULL,
    billing_interval text        NOT NULL CHECK (billing_interval IN ('MONTH', 'YEAR')),
    trial_ends_at    timestamptz,
    migration_state  text        NOT NULL DEFAULT 'PENDING' CHECK (migration_state IN ('PENDING', 'CURRENT', 'FAILED')),
    migration_error  text,
    migrated_changelog text,
    migrated_at      timestamptz,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    CONSTRAINT tenants_slug_unique UNIQUE (slug)
);
CREATE INDEX tenants_status_created ON public.tenants (status, created_at);

--changeset mercato:001-users
CREATE TABLE public.users (
    id            uuid PRIMARY KEY,
    email         text        NOT NULL,
    name          text        NOT NULL,
    password_hash text        NOT NULL,
    created_at    timestamptz NOT NULL,
    CONSTRAINT users_email_lowercase CHECK (email = lower(email)),
    CONSTRAINT users_email_unique UNIQUE (email)
);

--changeset mercato:001-memberships
CREATE TABLE public.memberships (
    id           uuid PRIMARY KEY,
    tenant_id    uuid        NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
    user_id      uuid        NOT NULL REFERENCES public.users (id) ON DELETE CASCADE,
    role         text        NOT NULL CHECK (role IN ('OWNER', 'ADMIN', 'AGENT')),
    status       text        NOT NULL CHECK (status IN ('ACTIVE', 'DEACTIVATED')),
    activated_at timestamptz NOT NULL,
    created_at   timestamptz NOT NULL,
    CONSTRAINT memberships_tenant_user_unique UNIQUE (tenant_id, user_id)
);
CREATE INDEX memberships_user ON public.memberships (user_id);

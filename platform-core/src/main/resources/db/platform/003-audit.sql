--liquibase formatted sql

--changeset mercato:003-audit-log
-- Who did what, when, to which shop: logins, invitations, role changes, lifecycle transitions.
-- Append-only; operators query it. Not tied by foreign keys, so it outlives what it describes.
CREATE TABLE public.audit_log (
    id          uuid PRIMARY KEY,
    occurred_at timestamptz NOT NULL,
    tenant_id   uuid,
    actor_type  text        NOT NULL CHECK (actor_type IN ('USER', 'OPERATOR', 'SYSTEM', 'STRIPE', 'CLIENT')),
    actor_id    text,
    action      text        NOT NULL,
    cause       text,
    details     jsonb       NOT NULL DEFAULT '{}'::jsonb,
    ip          text
);
CREATE INDEX audit_log_tenant_time ON public.audit_log (tenant_id, occurred_at DESC);
CREATE INDEX audit_log_time ON public.audit_log (occurred_at DESC);

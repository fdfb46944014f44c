--liquibase formatted sql

--changeset mercato:010-tenant-lifecycle-columns
-- When the status last changed (the 30-day clocks of SUSPENDED and CANCELLED run from it),
-- and an operator's hold, kept apart from the billing status so billing events never lift it.
ALTER TABLE public.tenants ADD COLUMN status_changed_at timestamptz;
ALTER TABLE public.tenants ADD COLUMN hold_reason text;
ALTER TABLE public.tenants ADD COLUMN held_at timestamptz;
ALTER TABLE public.tenants ADD COLUMN held_by text;
UPDATE public.tenants SET status_changed_at = updated_at WHERE status_changed_at IS NULL;

--changeset mercato:010-subscriptions
-- One row per shop: what it pays for (plan version, interval, extra seats) and its state at the
-- payment provider. Created with the shop (trialing); the provider fields fill in at checkout.
CREATE TABLE public.subscriptions (
    tenant_id              uuid PRIMARY KEY REFERENCES public.tenants (id) ON DELETE CASCADE,
    plan_code              text        NOT NULL,
    plan_version           integer     NOT NULL,
    billing_interval       text        NOT NULL CHECK (billing_interval IN ('MONTH', 'YEAR')),
    extra_seats            integer     NOT NULL DEFAULT 0 CHECK (extra_seats >= 0),
    provider               text,
    provider_status        text        NOT NULL DEFAULT 'none',
    customer_id            text,
    subscription_id        text,
    current_period_start   timestamptz,
    current_period_end     timestamptz,
    cancel_at_period_end   boolean     NOT NULL DEFAULT false,
    grace_ends_at          timestamptz,
    pending_plan_code      text,
    pending_plan_version   integer,
    pending_interval       text,
    pending_extra_seats    integer,
    trial_reminded_3d_at   timestamptz,
    trial_reminded_1d_at   timestamptz,
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL,
    CONSTRAINT subscriptions_customer_unique UNIQUE (customer_id),
    CONSTRAINT subscriptions_subscription_unique UNIQUE (subscription_id)
);

--changeset mercato:010-webhook-events
-- Every payment-provider event as received, keyed by the provider's event id (a duplicate is a
-- no-op insert). A worker processes PENDING rows, one ordering key (subscription or customer)
-- at a time; failures back off and end DEAD after too many attempts, for an operator to retry.
CREATE TABLE public.webhook_events (
    id              text PRIMARY KEY,
    provider        text        NOT NULL,
    type            text        NOT NULL,
    ordering_key    text,
    payload         text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('PENDING', 'PROCESSED', 'IGNORED', 'DEAD')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    tenant_id       uuid,
    received_at     timestamptz NOT NULL,
    processed_at    timestamptz
);
CREATE INDEX webhook_events_pending ON public.webhook_events (next_attempt_at) WHERE status = 'PENDING';

--changeset mercato:010-invoices
-- Invoices mirrored from the provider. No foreign key to tenants: invoices outlive a purged shop.
CREATE TABLE public.invoices (
    id                  text PRIMARY KEY,
    tenant_id           uuid        NOT NULL,
    number              text,
    status              text        NOT NULL,
    amount_due          bigint      NOT NULL,
    amount_paid         bigint      NOT NULL,
    currency            char(3)     NOT NULL,
    period_start        timestamptz,
    period_end          timestamptz,
    hosted_invoice_url  text,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL
);
CREATE INDEX invoices_tenant_created ON public.invoices (tenant_id, created_at DESC);

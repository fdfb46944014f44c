--liquibase formatted sql

--changeset mercato:045-shop-settings
-- A shop's own settings that the platform needs outside the shop's schema: the session limit
-- is decided at login, before any shop is bound as the tenant.
CREATE TABLE public.shop_settings (
    tenant_id               uuid PRIMARY KEY REFERENCES public.tenants (id) ON DELETE CASCADE,
    -- null: the plan's bound; a stored value above a later, lower plan bound is clamped when read
    max_sessions_per_member integer CHECK (max_sessions_per_member > 0),
    session_overflow        text        NOT NULL DEFAULT 'END_OLDEST' CHECK (session_overflow IN ('END_OLDEST', 'REFUSE_NEW')),
    updated_at              timestamptz NOT NULL
);

--liquibase formatted sql

--changeset mercato:001-contacts
CREATE TABLE contacts (
    id              uuid PRIMARY KEY,
    name            text        NOT NULL,
    email           text,
    phone           text,
    lifecycle_stage text        NOT NULL,
    tags            text[]      NOT NULL DEFAULT '{}',
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    version         bigint      NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX contacts_email_unique ON contacts (lower(email)) WHERE email IS NOT NULL;
CREATE INDEX contacts_created ON contacts (created_at, id);

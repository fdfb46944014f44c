--liquibase formatted sql

--changeset mercato:030-oauth2-registered-client
-- Spring Authorization Server's stock tables (oauth2-*-schema.sql), adapted to PostgreSQL:
-- blob -> text (its JDBC services bind these columns as strings), timestamp -> timestamptz.
-- The services issue unqualified SQL on the platform pool, pinned to public.
CREATE TABLE public.oauth2_registered_client (
    id                            varchar(100)  NOT NULL,
    client_id                     varchar(100)  NOT NULL,
    client_id_issued_at           timestamptz   NOT NULL DEFAULT CURRENT_TIMESTAMP,
    client_secret                 varchar(200)  DEFAULT NULL,
    client_secret_expires_at      timestamptz   DEFAULT NULL,
    client_name                   varchar(200)  NOT NULL,
    client_authentication_methods varchar(1000) NOT NULL,
    authorization_grant_types     varchar(1000) NOT NULL,
    redirect_uris                 varchar(1000) DEFAULT NULL,
    post_logout_redirect_uris     varchar(1000) DEFAULT NULL,
    scopes                        varchar(1000) NOT NULL,
    client_settings               varchar(2000) NOT NULL,
    token_settings                varchar(2000) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT oauth2_registered_client_client_id_unique UNIQUE (client_id)
);

--changeset mercato:030-oauth2-authorization
CREATE TABLE public.oauth2_authorization (
    id                            varchar(100)  NOT NULL,
    registered_client_id          varchar(100)  NOT NULL,
    principal_name                varchar(200)  NOT NULL,
    authorization_grant_type      varchar(100)  NOT NULL,
    authorized_scopes             varchar(1000) DEFAULT NULL,
    attributes                    text          DEFAULT NULL,
    state                         varchar(500)  DEFAULT NULL,
    authorization_code_value      text          DEFAULT NULL,
    authorization_code_issued_at  timestamptz   DEFAULT NULL,
    authorization_code_expires_at timestamptz   DEFAULT NULL,
    authorization_code_metadata   text          DEFAULT NULL,
    access_token_value            text          DEFAULT NULL,
    access_token_issued_at        timestamptz   DEFAULT NULL,
    access_token_expires_at       timestamptz   DEFAULT NULL,
    access_token_metadata         text          DEFAULT NULL,
    access_token_type             varchar(100)  DEFAULT NULL,
    access_token_scopes           varchar(1000) DEFAULT NULL,
    oidc_id_token_value           text          DEFAULT NULL,
    oidc_id_token_issued_at       timestamptz   DEFAULT NULL,
    oidc_id_token_expires_at      timestamptz   DEFAULT NULL,
    oidc_id_token_metadata        text          DEFAULT NULL,
    refresh_token_value           text          DEFAULT NULL,
    refresh_token_issued_at       timestamptz   DEFAULT NULL,
    refresh_token_expires_at      timestamptz   DEFAULT NULL,
    refresh_token_metadata        text          DEFAULT NULL,
    user_code_value               text          DEFAULT NULL,
    user_code_issued_at           timestamptz   DEFAULT NULL,
    user_code_expires_at          timestamptz   DEFAULT NULL,
    user_code_metadata            text          DEFAULT NULL,
    device_code_value             text          DEFAULT NULL,
    device_code_issued_at         timestamptz   DEFAULT NULL,
    device_code_expires_at        timestamptz   DEFAULT NULL,
    device_code_metadata          text          DEFAULT NULL,
    -- ours: not in the stock schema (its INSERT names its columns, so the default applies);
    -- lets the sweeper drop authorization requests a person never finished
    created_at                    timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (id)
);
-- The resource server looks every bearer token up here (revocation), and the token endpoint
-- finds codes and refresh tokens by value: equality only, so hash indexes (JWTs are long).
CREATE INDEX oauth2_authorization_access_token ON public.oauth2_authorization USING hash (access_token_value);
CREATE INDEX oauth2_authorization_refresh_token ON public.oauth2_authorization USING hash (refresh_token_value);
CREATE INDEX oauth2_authorization_code ON public.oauth2_authorization USING hash (authorization_code_value);
CREATE INDEX oauth2_authorization_state ON public.oauth2_authorization USING hash (state);
CREATE INDEX oauth2_authorization_client ON public.oauth2_authorization (registered_client_id);

--changeset mercato:030-oauth2-authorization-consent
CREATE TABLE public.oauth2_authorization_consent (
    registered_client_id varchar(100)  NOT NULL,
    principal_name       varchar(200)  NOT NULL,
    authorities          varchar(1000) NOT NULL,
    PRIMARY KEY (registered_client_id, principal_name)
);

--changeset mercato:030-oauth-signing-keys
-- The authorization server's token signing keys. The private key is sealed with AES-GCM under
-- the key-encryption key (never stored here); kek_id names which one, so a wrong key fails
-- clearly at start instead of producing garbage. A key is published in the JWKS from creation
-- until published_until (set at rotation: long enough for the tokens it signed to expire).
CREATE TABLE public.oauth_signing_keys (
    kid             text        PRIMARY KEY,
    algorithm       text        NOT NULL,
    public_key      bytea       NOT NULL,
    sealed_private  bytea       NOT NULL,
    kek_id          text        NOT NULL,
    created_at      timestamptz NOT NULL,
    active          boolean     NOT NULL,
    published_until timestamptz
);
CREATE UNIQUE INDEX oauth_signing_keys_one_active ON public.oauth_signing_keys (active) WHERE active;

--changeset mercato:030-api-clients
-- A shop's integration clients (client credentials). The OAuth2 side (secret hash, grants) is
-- the registered client; this row ties it to its shop and records who made it.
CREATE TABLE public.api_clients (
    registered_client_id varchar(100) PRIMARY KEY REFERENCES public.oauth2_registered_client (id) ON DELETE CASCADE,
    tenant_id            uuid         NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
    client_id            varchar(100) NOT NULL UNIQUE,
    name                 text         NOT NULL,
    created_by           uuid,
    created_at           timestamptz  NOT NULL
);
CREATE INDEX api_clients_tenant ON public.api_clients (tenant_id, created_at);

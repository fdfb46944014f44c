--liquibase formatted sql

--changeset mercato:002-plans
-- Plans are versioned: an operator's edit inserts a new version and marks it current;
-- subscribers keep the version they bought until they are moved.
CREATE TABLE public.plans (
    code                           text        NOT NULL,
    version                        integer     NOT NULL,
    name                           text        NOT NULL,
    currency                       char(3)     NOT NULL,
    monthly_price                  bigint      NOT NULL CHECK (monthly_price >= 0),
    annual_price                   bigint      NOT NULL CHECK (annual_price >= 0),
    seats                          integer     NOT NULL CHECK (seats > 0),
    extra_seat_monthly_price       bigint,
    extra_seat_annual_price        bigint,
    contacts                       integer,
    channels                       integer,
    auto_reply_rules               integer,
    broadcast_recipients_per_month integer,
    api_access                     boolean     NOT NULL,
    sessions_per_member            integer     NOT NULL,
    trial_days                     integer     NOT NULL,
    sort_order                     integer     NOT NULL,
    current                        boolean     NOT NULL,
    created_at                     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (code, version)
);
CREATE UNIQUE INDEX plans_one_current_version ON public.plans (code) WHERE current;

--changeset mercato:002-plans-seed
-- Annual prices are twelve months less 20%: 159 x 12 x 0.8 = 1,526.40 and so on.
INSERT INTO public.plans (code, version, name, currency, monthly_price, annual_price, seats,
                          extra_seat_monthly_price, extra_seat_annual_price, contacts, channels,
                          auto_reply_rules, broadcast_recipients_per_month, api_access,
                          sessions_per_member, trial_days, sort_order, current)
VALUES ('LITE', 1, 'Lite', 'HKD', 15900, 152640, 2, NULL, NULL, 2000, 1, 5, 0, false, 2, 7, 1, true),
       ('REGULAR', 1, 'Regular', 'HKD', 39900, 383040, 5, 7900, 75840, 20000, 3, 50, 5000, false, 3, 7, 2, true),
       ('ADVANCED', 1, 'Advanced', 'HKD', 89900, 863040, 10, 7900, 75840, 100000, NULL, NULL, 50000, true, 5, 7, 3, true);

package com.mercato.web.session;

import java.io.Serial;

import org.springframework.security.web.authentication.session.SessionAuthenticationException;

/** A login refused because the person has as many sessions as the shop allows and it refuses new ones. */
public final class SessionLimitReached extends SessionAuthenticationException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final int limit;

    SessionLimitReached(int limit) {
        super("Session limit reached");
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }
}

package com.mercato.web.session;

import java.io.Serial;

import org.springframework.security.web.authentication.session.SessionAuthenticationException;

/** Another login of the same person held its lock for too long; this one should simply be retried. */
public final class LoginBusy extends SessionAuthenticationException {

    @Serial
    private static final long serialVersionUID = 1L;

    LoginBusy() {
        super("Another login of this person is in progress");
    }
}

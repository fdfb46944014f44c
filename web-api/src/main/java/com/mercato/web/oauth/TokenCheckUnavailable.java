package com.mercato.web.oauth;

import org.springframework.security.core.AuthenticationException;

/**
 * A token that could not be checked against the authorization store (the database out of reach):
 * not the caller's fault, so neither a 401 nor a 500 but a 503 to retry. Deliberately not an
 * {@code AuthenticationServiceException}, which the bearer filter rethrows instead of answering.
 */
final class TokenCheckUnavailable extends AuthenticationException {

    TokenCheckUnavailable(Throwable cause) {
        super("The access token could not be checked", cause);
    }
}

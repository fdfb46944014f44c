package com.mercato.web.oauth;

import java.time.Duration;

import org.springframework.core.env.Environment;

/**
 * The authorization server's fixed settings. The issuer is {@code mercato.oauth.issuer}, by
 * default the public URL ({@code MERCATO_PUBLIC_URL}): tokens name it and the resource server
 * accepts no other, so it must not depend on the port or host a request happened to use.
 */
record OAuthSettings(String issuer, Duration accessTokenTtl, Duration refreshTokenTtl, Duration idTokenTtl) {

    /** Tokens are signed with scope {@value}; clients ask for it to call the shop API. */
    static final String API_SCOPE = "api";

    static OAuthSettings from(Environment environment) {
        String issuer = environment.getProperty("mercato.oauth.issuer", environment.getProperty("mercato.public-url", "http://localhost:8080"));
        return new OAuthSettings(
                issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer,
                environment.getProperty("mercato.oauth.access-token-ttl", Duration.class, Duration.ofMinutes(5)),
                environment.getProperty("mercato.oauth.refresh-token-ttl", Duration.class, Duration.ofDays(30)),
                environment.getProperty("mercato.oauth.id-token-ttl", Duration.class, Duration.ofMinutes(5)));
    }

    /** How long a rotated-out signing key stays published: every token it signed has expired by then. */
    Duration publishRetiredKeysFor() {
        Duration longest = accessTokenTtl.compareTo(idTokenTtl) >= 0 ? accessTokenTtl : idTokenTtl;
        return longest.plusMinutes(5);
    }
}

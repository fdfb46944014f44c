package com.mercato.web.oauth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Access tokens verified once: the signature of a token already seen is not checked again
 * (RS256 verification was a quarter of an API read's CPU in the tenant-read bench), but its
 * validity in time and issuer is, on every request, and the token must still be live in the
 * authorization store (ShopTokenConverter), so a revoked or expired token ends exactly as before.
 * Remembering adds no trust: only a token whose signature verified is remembered, keyed by its
 * exact text, and a token the store does not hold is refused whatever its signature.
 * The memo is bounded; when full it starts over.
 */
final class RememberingJwtDecoder implements JwtDecoder {

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final int capacity;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    /** {@code validator} is the one {@code verifier} applies after the signature. */
    RememberingJwtDecoder(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, int capacity) {
        this.verifier = verifier;
        this.validator = validator;
        this.capacity = capacity;
    }

    @Override
    public Jwt decode(String token) {
        Jwt known = verified.get(token);
        if (known != null && !validator.validate(known).hasErrors()) {
            return known;
        }
        if (known != null) {
            verified.remove(token);
        }
        Jwt jwt = verifier.decode(token); // throws as it always did for a token no longer valid
        if (verified.size() >= capacity) {
            verified.clear();
        }
        verified.put(token, jwt);
        return jwt;
    }

    int size() {
        return verified.size();
    }
}

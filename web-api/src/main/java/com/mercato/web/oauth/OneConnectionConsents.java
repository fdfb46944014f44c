package com.mercato.web.oauth;

import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;

/** The consent store, each call on one connection (see {@link OneConnection}). */
final class OneConnectionConsents implements OAuth2AuthorizationConsentService {

    private final OAuth2AuthorizationConsentService delegate;
    private final OneConnection connection;

    OneConnectionConsents(OAuth2AuthorizationConsentService delegate, OneConnection connection) {
        this.delegate = delegate;
        this.connection = connection;
    }

    @Override
    public void save(OAuth2AuthorizationConsent consent) {
        connection.write(() -> delegate.save(consent));
    }

    @Override
    public void remove(OAuth2AuthorizationConsent consent) {
        connection.write(() -> delegate.remove(consent));
    }

    @Override
    public OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
        return connection.read(() -> delegate.findById(registeredClientId, principalName));
    }
}

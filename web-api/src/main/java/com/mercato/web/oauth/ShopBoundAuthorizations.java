package com.mercato.web.oauth;

import java.util.Optional;
import java.util.UUID;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Binds each person's authorization to the shop consented to when its code is issued, as an
 * attribute of that authorization: the code exchange and every later refresh name that shop,
 * even if the person consents the same app to another shop afterwards.
 * Each call runs on one connection (see {@link OneConnection}).
 */
final class ShopBoundAuthorizations implements OAuth2AuthorizationService {

    static final String SHOP_ATTRIBUTE = "mercato.shop_id";

    private final OAuth2AuthorizationService delegate;
    private final OAuth2AuthorizationConsentService consents;
    private final OneConnection connection;

    ShopBoundAuthorizations(OAuth2AuthorizationService delegate, OAuth2AuthorizationConsentService consents,
                            OneConnection connection) {
        this.delegate = delegate;
        this.consents = consents;
        this.connection = connection;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        connection.write(() -> delegate.save(bound(authorization)));
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        connection.write(() -> delegate.remove(authorization));
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return connection.read(() -> delegate.findById(id));
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return connection.read(() -> delegate.findByToken(token, tokenType));
    }

    /** The shop an authorization was bound to, if any. */
    static Optional<UUID> shopOf(OAuth2Authorization authorization) {
        Object shop = authorization == null ? null : authorization.getAttribute(SHOP_ATTRIBUTE);
        return shop == null ? Optional.empty() : Optional.of(UUID.fromString(shop.toString()));
    }

    /** The shop a person's consent for an app names ({@code SHOP_<id>} beside the scopes). */
    static Optional<UUID> consentedShop(OAuth2AuthorizationConsent consent) {
        if (consent == null) {
            return Optional.empty();
        }
        return consent.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith(ShopTokenClaims.SHOP_AUTHORITY_PREFIX))
                .map(a -> UUID.fromString(a.substring(ShopTokenClaims.SHOP_AUTHORITY_PREFIX.length())))
                .findFirst();
    }

    private OAuth2Authorization bound(OAuth2Authorization authorization) {
        boolean codeJustIssued = AuthorizationGrantType.AUTHORIZATION_CODE.equals(authorization.getAuthorizationGrantType())
                && authorization.getToken(OAuth2AuthorizationCode.class) != null
                && authorization.getAccessToken() == null;
        if (!codeJustIssued || authorization.getAttribute(SHOP_ATTRIBUTE) != null) {
            return authorization;
        }
        return consentedShop(consents.findById(authorization.getRegisteredClientId(), authorization.getPrincipalName()))
                .map(shop -> OAuth2Authorization.from(authorization).attribute(SHOP_ATTRIBUTE, shop.toString()).build())
                .orElse(authorization);
    }
}

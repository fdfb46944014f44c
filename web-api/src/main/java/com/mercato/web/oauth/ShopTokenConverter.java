package com.mercato.web.oauth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.core.convert.converter.Converter;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import com.mercato.web.security.MemberPrincipal;
import com.mercato.web.security.ShopTokenAuthentication;

/**
 * Turns a verified access token into the request's authentication. A signature alone is not
 * enough: the token must still be live in the authorization store, so revoking it (or its
 * refresh token, or deleting its client) ends it at once rather than when it expires.
 */
final class ShopTokenConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final OAuth2AuthorizationService authorizations;

    ShopTokenConverter(OAuth2AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        UUID shopId = uuid(jwt.getClaimAsString(ShopTokenClaims.SHOP_ID));
        String kind = jwt.getClaimAsString(ShopTokenClaims.KIND);
        if (shopId == null || kind == null || jwt.getSubject() == null) {
            throw new InvalidBearerTokenException("The access token names no shop.");
        }
        OAuth2Authorization authorization;
        try {
            authorization = authorizations.findByToken(jwt.getTokenValue(), OAuth2TokenType.ACCESS_TOKEN);
        } catch (DataAccessException | CannotCreateTransactionException e) {
            throw new TokenCheckUnavailable(e);
        }
        if (authorization == null || authorization.getAccessToken() == null || !authorization.getAccessToken().isActive()) {
            throw new InvalidBearerTokenException("The access token was revoked.");
        }
        List<GrantedAuthority> authorities = new ArrayList<>(scopes(jwt));
        if (kind.equals("client")) {
            authorities.add(new SimpleGrantedAuthority("ROLE_API_CLIENT"));
            return ShopTokenAuthentication.client(jwt, jwt.getSubject(), shopId, authorities);
        }
        UUID userId = uuid(jwt.getSubject());
        if (!kind.equals("user") || userId == null) {
            throw new InvalidBearerTokenException("The access token names nobody we know.");
        }
        authorities.add(new SimpleGrantedAuthority("ROLE_MEMBER"));
        MemberPrincipal member = new MemberPrincipal(userId, jwt.getClaimAsString("email"), jwt.getClaimAsString("name"), null);
        return ShopTokenAuthentication.person(jwt, member, shopId, authorities);
    }

    private static Collection<GrantedAuthority> scopes(Jwt jwt) {
        List<String> scopes = jwt.getClaimAsStringList("scope");
        return scopes == null ? List.of() : scopes.stream().<GrantedAuthority>map(s -> new SimpleGrantedAuthority("SCOPE_" + s)).toList();
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

package com.mercato.web.oauth;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

import com.mercato.core.tenancy.TenantId;
import com.mercato.tenant.allowance.ShopAllowances;
import com.mercato.web.security.MemberPrincipal;

/**
 * Names the shop in every access and ID token ({@code shop_id}) and says who acts
 * ({@code kind}: {@code user} or {@code client}; {@code sub} is the person's id or the client id).
 * <ul>
 * <li>client credentials: the integration client's own shop, while the shop's plan allows API access;</li>
 * <li>authorization code and refresh: the shop the person picked on the consent page, bound to the
 * authorization when its code was issued ({@link ShopBoundAuthorizations}), so a refresh never moves
 * to another shop;</li>
 * </ul>
 * Every grant re-checks that the person is still an active member and the plan still allows it.
 */
final class ShopTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String SHOP_ID = "shop_id";
    static final String KIND = "kind";
    static final String SHOP_AUTHORITY_PREFIX = "SHOP_";

    private final ApiClients apiClients;
    private final ShopChoices choices;
    private final ShopAllowances allowances;
    private final OAuth2AuthorizationConsentService consents;

    ShopTokenClaims(ApiClients apiClients, ShopChoices choices, ShopAllowances allowances, OAuth2AuthorizationConsentService consents) {
        this.apiClients = apiClients;
        this.choices = choices;
        this.allowances = allowances;
        this.consents = consents;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            UUID shop = apiClients.shopOf(context.getRegisteredClient().getId())
                    .orElseThrow(() -> refuse(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT, "This client belongs to no shop."));
            if (!allowances.of(new TenantId(shop)).apiAccess()) {
                throw refuse(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT, "The shop's plan does not include API access.");
            }
            context.getClaims().claim(SHOP_ID, shop.toString()).claim(KIND, "client");
            return;
        }
        Authentication person = context.getPrincipal();
        if (person == null || !(person.getPrincipal() instanceof MemberPrincipal member)) {
            throw refuse(OAuth2ErrorCodes.ACCESS_DENIED, "Only a person's authorization names a shop.");
        }
        UUID shop = ShopBoundAuthorizations.shopOf(context.getAuthorization())
                .or(() -> shopOfEarlierToken(context.getAuthorization()))
                .or(() -> ShopBoundAuthorizations.consentedShop(consents.findById(context.getRegisteredClient().getId(), person.getName())))
                .orElseThrow(() -> refuse(OAuth2ErrorCodes.ACCESS_DENIED, "No shop was chosen for this app."));
        if (!choices.mayActFor(member.userId(), shop)) {
            throw refuse(OAuth2ErrorCodes.INVALID_GRANT, "You are no longer an active member of this shop, or its plan has no API access.");
        }
        context.getClaims()
                .subject(member.userId().toString())
                .claim(SHOP_ID, shop.toString())
                .claim(KIND, "user");
        if (accessToken) {
            context.getClaims().claim("email", member.email()).claim("name", member.name());
        } else {
            // the ID token carries what /userinfo answers, as far as the granted scopes allow
            if (context.getAuthorizedScopes().contains(OidcScopes.EMAIL)) {
                context.getClaims().claim("email", member.email());
            }
            if (context.getAuthorizedScopes().contains(OidcScopes.PROFILE)) {
                context.getClaims().claim("name", member.name());
            }
        }
    }

    /** The shop of the access token this authorization already holds (refresh, or the ID token beside it). */
    private static Optional<UUID> shopOfEarlierToken(OAuth2Authorization authorization) {
        if (authorization == null || authorization.getAccessToken() == null) {
            return Optional.empty();
        }
        Map<String, Object> claims = authorization.getAccessToken().getClaims();
        Object shop = claims == null ? null : claims.get(SHOP_ID);
        return shop == null ? Optional.empty() : Optional.of(UUID.fromString(shop.toString()));
    }

    static OAuth2AuthenticationException refuse(String code, String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, description, null));
    }
}

package com.mercato.web.oauth;

import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationToken;

import com.mercato.core.tenancy.TenantId;
import com.mercato.tenant.audit.AuditEntry;
import com.mercato.tenant.audit.AuditLog;
import com.mercato.web.security.MemberPrincipal;

/**
 * Records, with the person's consent, the shop they chose for the app (the consent form's
 * {@code shop_id}): one shop per person and app, kept as a {@code SHOP_<id>} authority beside the
 * granted scopes. Refuses a shop the person may not choose.
 */
final class ShopConsent implements Consumer<OAuth2AuthorizationConsentAuthenticationContext> {

    static final String SHOP_PARAMETER = "shop_id";

    private final ShopChoices choices;
    private final AuditLog audit;

    ShopConsent(ShopChoices choices, AuditLog audit) {
        this.choices = choices;
        this.audit = audit;
    }

    @Override
    public void accept(OAuth2AuthorizationConsentAuthenticationContext context) {
        OAuth2AuthorizationConsentAuthenticationToken consent = context.getAuthentication();
        Authentication person = (Authentication) consent.getPrincipal();
        if (!(person.getPrincipal() instanceof MemberPrincipal member)) {
            throw denied(context, person, "Only a person can consent.");
        }
        UUID shop = parse(consent.getAdditionalParameters().get(SHOP_PARAMETER));
        if (shop == null || !choices.mayActFor(member.userId(), shop)) {
            throw denied(context, person, "Choose one of your shops with API access.");
        }
        context.getAuthorizationConsent().authorities(authorities -> {
            authorities.removeIf(a -> a.getAuthority() != null && a.getAuthority().startsWith(ShopTokenClaims.SHOP_AUTHORITY_PREFIX));
            authorities.add(new SimpleGrantedAuthority(ShopTokenClaims.SHOP_AUTHORITY_PREFIX + shop));
        });
        audit.record(new AuditEntry(new TenantId(shop), AuditEntry.ActorType.USER, member.userId().toString(), "oauth.consent-granted",
                null, Map.of("clientId", consent.getClientId(), "scopes", String.join(" ", consent.getScopes())), null));
    }

    /** access_denied, sent back to the app's redirect URI with its state, as the authorization endpoint does. */
    private static OAuth2AuthorizationCodeRequestAuthenticationException denied(OAuth2AuthorizationConsentAuthenticationContext context,
                                                                                Authentication person, String description) {
        OAuth2AuthorizationRequest request = context.getAuthorizationRequest();
        OAuth2AuthorizationCodeRequestAuthenticationToken original = new OAuth2AuthorizationCodeRequestAuthenticationToken(
                request.getAuthorizationUri(), request.getClientId(), person, request.getRedirectUri(), request.getState(),
                request.getScopes(), request.getAdditionalParameters());
        return new OAuth2AuthorizationCodeRequestAuthenticationException(
                new OAuth2Error(OAuth2ErrorCodes.ACCESS_DENIED, description, null), original);
    }

    private static UUID parse(Object value) {
        Object single = value instanceof String[] many ? (many.length == 1 ? many[0] : null) : value;
        if (!(single instanceof String text)) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

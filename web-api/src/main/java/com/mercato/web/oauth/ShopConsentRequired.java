package com.mercato.web.oauth;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;

import com.mercato.web.security.MemberPrincipal;

/**
 * When the consent page is shown: as Spring's rule (the app asks for consent and the person has
 * not yet granted every scope asked for), and also when no shop was chosen yet, and whenever the
 * person could choose between several shops, so they pick the shop for each sign-in.
 */
final class ShopConsentRequired implements Predicate<OAuth2AuthorizationCodeRequestAuthenticationContext> {

    private final ShopChoices choices;

    ShopConsentRequired(ShopChoices choices) {
        this.choices = choices;
    }

    @Override
    public boolean test(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
        if (!context.getRegisteredClient().getClientSettings().isRequireAuthorizationConsent()) {
            return false;
        }
        OAuth2AuthorizationConsent consent = context.getAuthorizationConsent();
        Set<String> requested = new HashSet<>(context.getAuthorizationRequest().getScopes());
        requested.remove(OidcScopes.OPENID);
        boolean covered = consent != null && consent.getScopes().containsAll(requested)
                && ShopBoundAuthorizations.consentedShop(consent).isPresent();
        return !covered || hasSeveralShops(context);
    }

    private boolean hasSeveralShops(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
        Authentication request = context.getAuthentication();
        if (!(request.getPrincipal() instanceof Authentication person) || !(person.getPrincipal() instanceof MemberPrincipal member)) {
            return true;
        }
        return choices.of(member.userId()).stream().filter(ShopChoices.Choice::apiAccess).count() > 1;
    }
}

package com.mercato.web.oauth;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import com.mercato.core.problem.CoreProblems;
import com.mercato.web.security.MemberPrincipal;

/**
 * The consent page: what the app asks for, and which of the person's shops it may act for.
 * The form posts back to the authorization endpoint, which records the consent and the shop.
 * Plain server-rendered HTML: the page must work before any web app is loaded.
 */
@RestController
class ConsentController {

    private final RegisteredClientRepository clients;
    private final OAuth2AuthorizationConsentService consents;
    private final ShopChoices choices;

    ConsentController(RegisteredClientRepository clients, OAuth2AuthorizationConsentService consents, ShopChoices choices) {
        this.clients = clients;
        this.consents = consents;
        this.choices = choices;
    }

    @GetMapping(path = AuthorizationServerConfiguration.CONSENT_PAGE, produces = MediaType.TEXT_HTML_VALUE)
    String consent(@AuthenticationPrincipal MemberPrincipal member,
                   @RequestParam("client_id") String clientId,
                   @RequestParam(name = "scope", defaultValue = "") String scope,
                   @RequestParam("state") String state) {
        RegisteredClient client = clients.findByClientId(clientId);
        if (client == null) {
            throw CoreProblems.NOT_FOUND.exception("No such app.");
        }
        OAuth2AuthorizationConsent previous = consents.findById(client.getId(), member.getUsername());
        Set<String> alreadyGranted = previous == null ? Set.of() : previous.getScopes();
        Set<String> requested = new LinkedHashSet<>(Arrays.asList(scope.split(" ")));
        requested.remove("");
        requested.remove(OidcScopes.OPENID); // implied by signing in; not a choice
        List<ShopChoices.Choice> shops = choices.of(member.userId());

        StringBuilder html = new StringBuilder(2048);
        html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Allow access - Mercato</title>")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head><body>")
                .append("<h1>").append(e(client.getClientName())).append(" wants to use your Mercato account</h1>")
                .append("<p>Signed in as ").append(e(member.email())).append(".</p>")
                .append("<form method=\"post\" action=\"/oauth2/authorize\">")
                .append(hidden("client_id", clientId)).append(hidden("state", state))
                .append("<fieldset><legend>Which shop may it act for?</legend>");
        boolean first = true;
        for (ShopChoices.Choice shop : shops) {
            html.append("<label><input type=\"radio\" name=\"").append(ShopConsent.SHOP_PARAMETER).append("\" value=\"")
                    .append(shop.shopId()).append('"');
            if (!shop.apiAccess()) {
                html.append(" disabled");
            } else if (first) {
                html.append(" checked");
                first = false;
            }
            html.append("> ").append(e(shop.name())).append(" (").append(e(shop.slug())).append(')')
                    .append(shop.apiAccess() ? "" : " - needs the Advanced plan").append("</label><br>");
        }
        if (first) {
            html.append("<p>None of your shops has API access (the Advanced plan).</p>");
        }
        html.append("</fieldset><fieldset><legend>It asks to</legend>");
        for (String s : requested) {
            html.append("<label><input type=\"checkbox\" name=\"scope\" value=\"").append(e(s)).append("\" checked")
                    .append(alreadyGranted.contains(s) ? " disabled" : "").append("> ").append(e(describe(s))).append("</label><br>");
            if (alreadyGranted.contains(s)) {
                html.append(hidden("scope", s));
            }
        }
        html.append("</fieldset><button type=\"submit\"").append(first ? " disabled" : "").append(">Allow</button> ")
                .append("</form><form method=\"post\" action=\"/oauth2/authorize\">")
                .append(hidden("client_id", clientId)).append(hidden("state", state))
                .append("<button type=\"submit\">Deny</button></form></body></html>");
        return html.toString();
    }

    private static String describe(String scope) {
        return switch (scope) {
            case OidcScopes.PROFILE -> "see your name";
            case OidcScopes.EMAIL -> "see your e-mail address";
            case OAuthSettings.API_SCOPE -> "read and change the shop's data in your name (contacts, conversations, ...)";
            default -> scope;
        };
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + e(name) + "\" value=\"" + e(value) + "\">";
    }

    private static String e(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text);
    }
}

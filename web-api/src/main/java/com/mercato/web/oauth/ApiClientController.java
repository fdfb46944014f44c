package com.mercato.web.oauth;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.mercato.core.problem.CoreProblems;
import com.mercato.core.problem.FieldErrors;
import com.mercato.core.problem.ProblemException;
import com.mercato.tenant.allowance.ShopAllowances;
import com.mercato.tenant.audit.AuditEntry;
import com.mercato.tenant.audit.AuditLog;
import com.mercato.tenant.member.Role;
import com.mercato.tenant.shop.ShopAccess;
import com.mercato.web.security.MemberPrincipal;
import com.mercato.web.security.OAuthProblems;
import com.mercato.web.security.PersonOnly;
import com.mercato.web.shop.CurrentShop;

/**
 * A shop's integration clients (OAuth2 client credentials): owners and admins create, list and
 * delete them, on plans with API access. The secret is in the creation response only.
 */
@RestController
@RequestMapping("/api/v1/shops/{slug}/api-clients")
@PersonOnly
class ApiClientController {

    private final ApiClients apiClients;
    private final ShopAllowances allowances;
    private final OAuthSettings settings;
    private final AuditLog audit;

    ApiClientController(ApiClients apiClients, ShopAllowances allowances, OAuthSettings settings, AuditLog audit) {
        this.apiClients = apiClients;
        this.allowances = allowances;
        this.settings = settings;
        this.audit = audit;
    }

    record NewApiClient(String name) {
    }

    record ApiClientView(UUID id, String clientId, String name, UUID createdBy, Instant createdAt) {
        static ApiClientView of(ApiClients.ApiClient client) {
            return new ApiClientView(client.id(), client.clientId(), client.name(), client.createdBy(), client.createdAt());
        }
    }

    record CreatedView(UUID id, String clientId, String clientSecret, String name, Instant createdAt, String tokenUrl,
                       List<String> grantTypes, List<String> scopes, String note) {
    }

    @GetMapping
    List<ApiClientView> list(HttpServletRequest request) {
        ShopAccess shop = manageable(request);
        return apiClients.of(shop.shop().id().value()).stream().map(ApiClientView::of).toList();
    }

    @PostMapping
    ResponseEntity<CreatedView> create(HttpServletRequest request, @AuthenticationPrincipal MemberPrincipal member,
                                       @RequestBody NewApiClient body) {
        ShopAccess shop = manageable(request);
        String name = body.name() == null ? null : body.name().strip();
        new FieldErrors()
                .require(name != null && !name.isEmpty(), "name", "must not be blank")
                .require(name == null || name.length() <= 100, "name", "must be at most 100 characters")
                .throwIfAny();
        ApiClients.CreatedApiClient created = apiClients.create(shop.shop().id().value(), name, member.userId());
        ApiClients.ApiClient client = created.client();
        audit.record(new AuditEntry(shop.shop().id(), AuditEntry.ActorType.USER, member.userId().toString(), "api-client.created", null,
                Map.of("clientId", client.clientId(), "name", client.name()), request.getRemoteAddr()));
        return ResponseEntity.created(URI.create(request.getRequestURI() + "/" + client.id()))
                .body(new CreatedView(client.id(), client.clientId(), created.clientSecret(), client.name(), client.createdAt(),
                        settings.issuer() + "/oauth2/token", List.of("client_credentials"), List.of(OAuthSettings.API_SCOPE),
                        "Store the secret now: it is not shown again."));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(HttpServletRequest request, @AuthenticationPrincipal MemberPrincipal member, @PathVariable UUID id) {
        ShopAccess shop = manageable(request);
        if (!apiClients.delete(shop.shop().id().value(), id)) {
            throw CoreProblems.NOT_FOUND.exception("Nothing exists at this address.");
        }
        audit.record(new AuditEntry(shop.shop().id(), AuditEntry.ActorType.USER, member.userId().toString(), "api-client.deleted", null,
                Map.of("id", id.toString()), request.getRemoteAddr()));
        return ResponseEntity.noContent().build();
    }

    private ShopAccess manageable(HttpServletRequest request) {
        ShopAccess access = CurrentShop.of(request);
        if (access.role() != Role.OWNER && access.role() != Role.ADMIN) {
            throw new ProblemException(CoreProblems.FORBIDDEN, "Only the shop's owners and admins manage API clients.");
        }
        if (!allowances.of(access.shop().id()).apiAccess()) {
            throw new ProblemException(OAuthProblems.API_ACCESS_NOT_IN_PLAN,
                    "API clients come with the Advanced plan; the shop's owner can upgrade.");
        }
        return access;
    }
}

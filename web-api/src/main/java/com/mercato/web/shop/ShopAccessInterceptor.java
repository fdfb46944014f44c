package com.mercato.web.shop;

import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import com.mercato.core.migration.TenantChangelog;
import com.mercato.core.problem.CoreProblems;
import com.mercato.core.problem.ProblemException;
import com.mercato.core.tenancy.TenantContext;
import com.mercato.tenant.member.Role;
import com.mercato.tenant.member.Seats;
import com.mercato.tenant.member.TeamProblems;
import com.mercato.tenant.shop.ShopAccess;
import com.mercato.tenant.shop.Shops;
import com.mercato.tenant.shop.TenantProblems;
import com.mercato.web.observability.RequestIdFilter;
import com.mercato.web.security.MemberPrincipal;
import com.mercato.web.security.ShopTokenAuthentication;

/**
 * Guards every {@code /api/v1/shops/{slug}/**} request: the caller must be an active member of
 * the shop at that slug, checked against the database on every request (one query), or the
 * answer is the same 404 as for a shop that does not exist; a member beyond the seats after a
 * downgrade gets 403 {@code /problems/seat-over-limit}. Then binds the shop as the tenant
 * for the rest of the request.
 */
@Component
class ShopAccessInterceptor implements HandlerInterceptor {

    static final String ACCESS_ATTRIBUTE = ShopAccess.class.getName();

    private final Shops shops;
    private final TokenShopAccess tokenAccess;
    private final Seats seats;

    ShopAccessInterceptor(Shops shops, TokenShopAccess tokenAccess, Seats seats) {
        this.shops = shops;
        this.tokenAccess = tokenAccess;
        this.seats = seats;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String slug = variables == null ? null : variables.get("slug");
        if (slug == null) {
            return true;
        }
        ShopAccess access = (SecurityContextHolder.getContext().getAuthentication() instanceof ShopTokenAuthentication token
                ? tokenAccess.forToken(slug, token)  // bearer token: its own shop only (TokenShopAccess)
                : currentMember().flatMap(member -> shops.accessFor(slug, member.userId())))
                .filter(ShopAccess::isActiveMember)
                .filter(a -> a.shop().status().isServing())
                .orElseThrow(ShopAccessInterceptor::shopNotFound);
        tokenAccess.requireApiAccess(access);
        requireWithinSeats(access);
        if (!access.shop().schemaIsCurrent(TenantChangelog.fingerprint())) {
            throw new ProblemException(TenantProblems.SHOP_UNAVAILABLE,
                    "This shop is being upgraded or repaired and is back shortly. Your data is safe.",
                    java.util.List.of(), Map.of("retryAfterSeconds", 30));
        }
        request.setAttribute(ACCESS_ATTRIBUTE, access);
        TenantContext.set(access.shop().id());
        MDC.put(RequestIdFilter.TENANT_MDC_KEY, access.shop().id().toString());
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        TenantContext.clear();
    }

    /**
     * After a downgrade, active members beyond the seats (most recently activated first; never
     * an owner) are refused until the owner deactivates someone or adds seats. Owners cost no
     * query here; others one, for the seat limit (their seat rank came with the access query).
     */
    private void requireWithinSeats(ShopAccess access) {
        if (access.role() == Role.OWNER || access.seatRank() <= 1) {
            return; // owners keep access; the first in seat order (or a client, which holds no seat) always fits
        }
        int limit = seats.limit(access.shop().id());
        if (!access.withinSeats(limit)) {
            throw new ProblemException(TeamProblems.SEAT_OVER_LIMIT,
                    Seats.beyondSeatsReason(limit) + " Until then your membership is beyond the seats and cannot use this shop.",
                    java.util.List.of(), Map.of("limit", limit));
        }
    }

    static ProblemException shopNotFound() {
        return CoreProblems.NOT_FOUND.exception("Nothing exists at this address.");
    }

    private static Optional<MemberPrincipal> currentMember() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof MemberPrincipal member) {
            return Optional.of(member);
        }
        return Optional.empty();
    }
}

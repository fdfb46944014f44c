package com.mercato.web.billing;

import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import com.mercato.billing.BillingProblems;
import com.mercato.core.problem.ProblemException;
import com.mercato.tenant.member.Role;
import com.mercato.tenant.shop.ShopAccess;
import com.mercato.tenant.shop.ShopStatus;
import com.mercato.web.shop.CurrentShop;

/**
 * Runs after the shop-access check: a shop suspended for payment (or cancelled, its data kept
 * for export) answers its members 402 {@code /problems/shop-suspended}; under an operator's
 * hold the same type with 403 and the operator's reason. The owner may still read everything
 * (which includes exporting) and manage the subscription, to pay. Everyone may read the shop
 * itself, so the app can say why it is closed.
 */
@Component
class SuspensionInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!hasSlug(request)) {
            return true;
        }
        ShopAccess access = CurrentShop.of(request);
        boolean shopItself = "GET".equals(request.getMethod()) && isShopRoot(request, access);
        // read with the membership in the same query (ShopAccessInterceptor): no round trip of its own
        Optional<String> hold = access.shop().hold();
        if (hold.isPresent()) {
            if (shopItself || (access.role() == Role.OWNER && "GET".equals(request.getMethod()))) {
                return true;
            }
            throw new ProblemException(BillingProblems.shopHeld(), "This shop is on hold by the platform: " + hold.get(),
                    java.util.List.of(), Map.of("reason", hold.get()));
        }
        ShopStatus status = access.shop().status();
        if (status != ShopStatus.SUSPENDED && status != ShopStatus.CANCELLED) {
            return true;
        }
        if (shopItself || (access.role() == Role.OWNER && ownerMayStillDo(request))) {
            return true;
        }
        throw BillingProblems.SHOP_SUSPENDED.exception(access.role() == Role.OWNER
                ? "The shop is suspended for payment. Pay to reopen it; you can still read and export its data."
                : "The shop is suspended for payment. Its owner can reopen it.");
    }

    private static boolean ownerMayStillDo(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) || request.getRequestURI().contains("/subscription");
    }

    private static boolean isShopRoot(HttpServletRequest request, ShopAccess access) {
        String path = request.getRequestURI();
        return path.endsWith("/api/v1/shops/" + access.shop().slug()) || path.endsWith("/api/v1/shops/" + access.shop().slug() + "/");
    }

    private static boolean hasSlug(HttpServletRequest request) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables != null && variables.get("slug") != null;
    }
}

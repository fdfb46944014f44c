package com.mercato.web.billing;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.mercato.billing.entitlement.EntitlementService;
import com.mercato.billing.entitlement.Entitlements;
import com.mercato.core.problem.CoreProblems;
import com.mercato.web.shop.CurrentShop;

/** What the shop's plan allows now and what is used. */
@RestController
class EntitlementController {

    private final EntitlementService entitlements;

    EntitlementController(EntitlementService entitlements) {
        this.entitlements = entitlements;
    }

    record UsageView(Integer limit, long used, Long available) {
        static UsageView of(Entitlements.Usage usage) {
            return new UsageView(usage.limit(), usage.used(), usage.available());
        }
    }

    record EntitlementsView(String plan, int planVersion, String status, UsageView seats, UsageView contacts, UsageView channels,
                            UsageView autoReplyRules, UsageView broadcastRecipientsThisMonth, boolean apiAccess,
                            int sessionsPerMember) {
    }

    @GetMapping("/api/v1/shops/{slug}/entitlements")
    EntitlementsView entitlements(HttpServletRequest request) {
        Entitlements e = entitlements.of(CurrentShop.of(request).shop().id())
                .orElseThrow(() -> CoreProblems.NOT_FOUND.exception("Nothing exists at this address."));
        return new EntitlementsView(e.plan(), e.planVersion(), e.status(), UsageView.of(e.seats()), UsageView.of(e.contacts()),
                UsageView.of(e.channels()), UsageView.of(e.autoReplyRules()), UsageView.of(e.broadcastRecipientsThisMonth()),
                e.apiAccess(), e.sessionsPerMember());
    }
}

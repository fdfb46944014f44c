package com.mercato.web.billing;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.mercato.billing.entitlement.EntitlementService;
import com.mercato.billing.subscription.Subscription;
import com.mercato.billing.subscription.SubscriptionService;
import com.mercato.core.money.Money;
import com.mercato.core.problem.CoreProblems;
import com.mercato.tenant.member.Role;
import com.mercato.tenant.shop.ShopAccess;
import com.mercato.web.security.MemberPrincipal;
import com.mercato.web.shop.CurrentShop;

/** A shop's subscription: read it, check out, open the portal, change plan. */
@RestController
@RequestMapping("/api/v1/shops/{slug}/subscription")
class SubscriptionController {

    private final SubscriptionService subscriptions;
    private final EntitlementService entitlements;
    private final String publicUrl;

    SubscriptionController(SubscriptionService subscriptions, EntitlementService entitlements,
                           @Value("${mercato.public-url:http://localhost:8080}") String publicUrl) {
        this.subscriptions = subscriptions;
        this.entitlements = entitlements;
        this.publicUrl = publicUrl;
    }

    record Period(Instant start, Instant end) {
    }

    record PendingChangeView(String plan, String interval, int extraSeats) {
    }

    record SubscriptionView(String plan, int planVersion, String interval, String status, String providerStatus, int seats,
                            int extraSeats, Period currentPeriod, boolean cancelAtPeriodEnd, Instant trialEndsAt,
                            Instant graceEndsAt, PendingChangeView pendingChange, String provider) {
    }

    @GetMapping
    SubscriptionView subscription(HttpServletRequest request) {
        ShopAccess access = CurrentShop.of(request);
        Subscription s = subscriptions.current(access.shop().id());
        int seats = entitlements.limits(access.shop().id()).map(l -> l.seats()).orElse(0);
        return new SubscriptionView(s.plan().name(), s.planVersion(), s.interval().name(), access.shop().status().name(),
                s.providerStatus(), seats, s.extraSeats(),
                s.currentPeriodStart() == null ? null : new Period(s.currentPeriodStart(), s.currentPeriodEnd()),
                s.cancelAtPeriodEnd(), access.shop().trialEndsAt(), s.graceEndsAt(),
                s.pendingChange() == null ? null : new PendingChangeView(s.pendingChange().plan().name(),
                        s.pendingChange().interval().name(), s.pendingChange().extraSeats()),
                s.provider() == null ? subscriptions.providerName() : s.provider());
    }

    record CheckoutRequest(String plan, String interval, Integer seats) {
    }

    record Redirect(String url) {
    }

    @PostMapping("/checkout")
    Redirect checkout(HttpServletRequest request, @AuthenticationPrincipal MemberPrincipal member, @RequestBody CheckoutRequest body) {
        ShopAccess access = ownerOnly(request);
        return new Redirect(subscriptions.checkout(shopRef(access, member),
                new SubscriptionService.Choice(body.plan(), body.interval(), body.seats())));
    }

    @PostMapping("/portal")
    Redirect portal(HttpServletRequest request, @AuthenticationPrincipal MemberPrincipal member) {
        return new Redirect(subscriptions.portal(shopRef(ownerOnly(request), member)));
    }

    record ChangeRequest(String plan, String interval, Integer seats, Boolean preview) {
    }

    record ChangeView(String effective, Money amountDueNow, Money recurringPrice, boolean applied) {
    }

    @PostMapping("/change")
    ChangeView change(HttpServletRequest request, @RequestBody ChangeRequest body) {
        ShopAccess access = ownerOnly(request);
        var result = subscriptions.change(access.shop().id(), new SubscriptionService.Choice(body.plan(), body.interval(), body.seats()),
                Boolean.TRUE.equals(body.preview()));
        return new ChangeView(result.effective(), result.amountDueNow(), result.recurringPrice(), result.applied());
    }

    private SubscriptionService.ShopRef shopRef(ShopAccess access, MemberPrincipal member) {
        return new SubscriptionService.ShopRef(access.shop().id(), access.shop().name(), access.shop().status(), member.email(),
                publicUrl + "/t/" + access.shop().slug() + "/billing");
    }

    private static ShopAccess ownerOnly(HttpServletRequest request) {
        ShopAccess access = CurrentShop.of(request);
        if (access.role() != Role.OWNER) {
            throw CoreProblems.FORBIDDEN.exception("Only the shop's owner manages its subscription.");
        }
        return access;
    }

}

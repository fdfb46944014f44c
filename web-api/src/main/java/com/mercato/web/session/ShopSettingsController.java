package com.mercato.web.session;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.mercato.core.problem.CoreProblems;
import com.mercato.tenant.audit.AuditEntry;
import com.mercato.tenant.audit.AuditLog;
import com.mercato.tenant.member.Role;
import com.mercato.tenant.session.SessionPolicy;
import com.mercato.tenant.session.ShopSessionSettings;
import com.mercato.tenant.shop.ShopAccess;
import com.mercato.web.security.MemberPrincipal;
import com.mercato.web.shop.CurrentShop;

/** A shop's settings: sessions per member and what a login beyond them does. Every member reads; the owner changes. */
@RestController
@RequestMapping("/api/v1/shops/{slug}/settings")
class ShopSettingsController {

    private final ShopSessionSettings settings;
    private final AuditLog audit;

    ShopSettingsController(ShopSessionSettings settings, AuditLog audit) {
        this.settings = settings;
        this.audit = audit;
    }

    record SettingsView(int maxSessionsPerMember, String sessionOverflow, int planMaxSessionsPerMember) {
        static SettingsView of(SessionPolicy policy) {
            return new SettingsView(policy.maxSessionsPerMember(), policy.overflow().name(), policy.planBound());
        }
    }

    record SettingsChange(Integer maxSessionsPerMember, String sessionOverflow) {
    }

    @GetMapping
    SettingsView get(HttpServletRequest request) {
        return SettingsView.of(settings.of(CurrentShop.of(request).shop().id()));
    }

    @PatchMapping
    @com.mercato.web.security.PersonOnly
    SettingsView change(@AuthenticationPrincipal MemberPrincipal member, @RequestBody SettingsChange change, HttpServletRequest request) {
        ShopAccess access = CurrentShop.of(request);
        if (access.role() != Role.OWNER) {
            throw CoreProblems.FORBIDDEN.exception("Only the shop's owners can change its settings.");
        }
        SessionPolicy policy = settings.update(access.shop().id(), change.maxSessionsPerMember(), change.sessionOverflow());
        audit.record(new AuditEntry(access.shop().id(), AuditEntry.ActorType.USER, member.userId().toString(), "shop.settings-changed",
                null, Map.of("maxSessionsPerMember", policy.maxSessionsPerMember(), "sessionOverflow", policy.overflow().name()),
                request.getRemoteAddr()));
        return SettingsView.of(policy);
    }
}

package com.mercato.web.session;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.mercato.core.problem.CoreProblems;
import com.mercato.tenant.audit.AuditEntry;
import com.mercato.tenant.audit.AuditLog;
import com.mercato.tenant.member.Role;
import com.mercato.tenant.member.User;
import com.mercato.tenant.member.Users;
import com.mercato.tenant.shop.ShopAccess;
import com.mercato.tenant.shop.Shops;
import com.mercato.web.security.MemberPrincipal;
import com.mercato.web.security.PersonOnly;
import com.mercato.web.shop.CurrentShop;

/**
 * An owner or admin ends every session of a member (a lost laptop, someone who left): all of
 * that person's sessions, since any of them could switch to this shop without a new login.
 * An admin cannot end an owner's sessions.
 */
@RestController
@PersonOnly
class MemberSessionsController {

    record Ended(int ended) {
    }

    private final Shops shops;
    private final Users users;
    private final PersonSessions sessions;
    private final AuditLog audit;

    MemberSessionsController(Shops shops, Users users, PersonSessions sessions, AuditLog audit) {
        this.shops = shops;
        this.users = users;
        this.sessions = sessions;
        this.audit = audit;
    }

    @DeleteMapping("/api/v1/shops/{slug}/members/{userId}/sessions")
    Ended endAll(@AuthenticationPrincipal MemberPrincipal actor, @PathVariable String slug, @PathVariable UUID userId,
                 HttpServletRequest request) {
        ShopAccess access = CurrentShop.of(request);
        if (access.role() == Role.AGENT) {
            throw CoreProblems.FORBIDDEN.exception("Only the shop's owners and admins can end a member's sessions.");
        }
        ShopAccess target = shops.accessFor(slug, userId)
                .orElseThrow(() -> CoreProblems.NOT_FOUND.exception("This shop has no such member."));
        if (target.role() == Role.OWNER && access.role() != Role.OWNER) {
            throw CoreProblems.FORBIDDEN.exception("Only an owner can end an owner's sessions.");
        }
        User user = users.findById(userId).orElseThrow(() -> CoreProblems.NOT_FOUND.exception("This shop has no such member."));
        int ended = sessions.end(user.email(), session -> true);
        audit.record(new AuditEntry(access.shop().id(), AuditEntry.ActorType.USER, actor.userId().toString(), "member.sessions-ended",
                null, Map.of("member", userId.toString(), "sessions", ended), request.getRemoteAddr()));
        return new Ended(ended);
    }
}

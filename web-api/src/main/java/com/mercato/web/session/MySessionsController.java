package com.mercato.web.session;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.mercato.core.problem.CoreProblems;
import com.mercato.tenant.audit.AuditEntry;
import com.mercato.tenant.audit.AuditLog;
import com.mercato.web.security.MemberPrincipal;
import com.mercato.web.security.PersonOnly;
import com.mercato.web.security.ShopTokenAuthentication;

/** A person's own sessions (devices): list them, end any of them. */
@RestController
@RequestMapping("/api/v1/me/sessions")
@PersonOnly
class MySessionsController {

    private final PersonSessions sessions;
    private final AuditLog audit;

    MySessionsController(PersonSessions sessions, AuditLog audit) {
        this.sessions = sessions;
        this.audit = audit;
    }

    record SessionView(String id, String device, String ip, Instant createdAt, Instant lastSeen, boolean current) {
    }

    @GetMapping
    List<SessionView> list(@AuthenticationPrincipal MemberPrincipal member, HttpServletRequest request) {
        String current = currentId(request);
        return sessions.of(member.email()).stream()
                .map(s -> new SessionView(s.handle(), s.device(), s.ip(), s.createdAt(), s.lastSeen(), s.sessionId().equals(current)))
                .toList();
    }

    /** Ends one of the person's sessions (this one too, if asked: that is a logout). */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> end(@AuthenticationPrincipal MemberPrincipal member, @PathVariable String id, HttpServletRequest request) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof ShopTokenAuthentication) {
            // an app acting for the person may look, but logging the person out is theirs alone
            throw CoreProblems.FORBIDDEN.exception("End sessions logged in with your browser, not through an app.");
        }
        int ended = sessions.end(member.email(), s -> s.handle().equals(id));
        if (ended == 0) {
            throw CoreProblems.NOT_FOUND.exception("You have no session with this id (it may have ended already).");
        }
        audit.record(new AuditEntry(null, AuditEntry.ActorType.USER, member.userId().toString(), "session.ended", "by the person",
                Map.of("session", id), request.getRemoteAddr()));
        return ResponseEntity.noContent().build();
    }

    private static String currentId(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : session.getId();
    }
}

package com.mercato.tenant.member;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.mercato.core.problem.CoreProblems;
import com.mercato.core.problem.FieldErrors;
import com.mercato.core.problem.ProblemException;
import com.mercato.core.tenancy.TenantId;
import com.mercato.tenant.audit.AuditEntry;
import com.mercato.tenant.audit.AuditLog;

/**
 * A shop's team: who belongs to it, their roles, and (de)activation. Every change runs under
 * the shop's seat lock ({@link Seats#lock}), which also serialises the last-owner rule: two
 * owners demoting each other at once cannot leave the shop without one.
 */
@Service
public class Members {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Seats seats;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Members(JdbcClient jdbc, TransactionTemplate transactions, Seats seats, AuditLog audit,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.seats = seats;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** What a PATCH asks for: a new role, a new status, or both (null: unchanged). */
    public record Change(String role, String status) {
    }

    /** Everyone who belongs or belonged to the shop, earliest activated first. */
    public List<Member> list(TenantId shop) {
        int limit = seats.limit(shop);
        return jdbc.sql("""
                        SELECT u.id, u.name, u.email, m.role, m.status, m.activated_at, %s AS seat_rank
                        FROM public.memberships m JOIN public.users u ON u.id = m.user_id
                        WHERE m.tenant_id = ?
                        ORDER BY m.activated_at, u.email""".formatted(Seats.RANK_SQL))
                .param(shop.value())
                .query((rs, n) -> member(rs, limit))
                .list();
    }

    public Optional<Member> find(TenantId shop, UUID userId) {
        int limit = seats.limit(shop);
        return jdbc.sql("""
                        SELECT u.id, u.name, u.email, m.role, m.status, m.activated_at, %s AS seat_rank
                        FROM public.memberships m JOIN public.users u ON u.id = m.user_id
                        WHERE m.tenant_id = ? AND m.user_id = ?""".formatted(Seats.RANK_SQL))
                .params(shop.value(), userId)
                .query((rs, n) -> member(rs, limit))
                .optional();
    }

    /**
     * Changes a member's role and/or status. Owners and admins may; an admin may neither touch
     * an owner nor make one; the last active owner can be neither demoted nor deactivated;
     * reactivating takes a seat (402 when none is free); deactivating frees one at once and
     * tells the session side ({@link MemberDeactivated}, in this transaction).
     */
    public Member change(TenantId shop, Actor actor, UUID userId, Change change) {
        FieldErrors errors = new FieldErrors();
        Role role = parse(Role.class, change.role(), "role", "must be OWNER, ADMIN or AGENT", errors);
        MemberStatus status = parse(MemberStatus.class, change.status(), "status", "must be ACTIVE or DEACTIVATED", errors);
        errors.require(change.role() != null || change.status() != null, "role", "give a role or a status to change");
        errors.throwIfAny();
        requireManager(actor);
        if (role == Role.OWNER && actor.role() != Role.OWNER) {
            throw CoreProblems.FORBIDDEN.exception("Only an owner can make someone an owner.");
        }
        transactions.executeWithoutResult(tx -> {
            seats.lock(shop);
            Current current = current(shop, userId).orElseThrow(Members::noSuchMember);
            if (current.role() == Role.OWNER && actor.role() != Role.OWNER) {
                throw CoreProblems.FORBIDDEN.exception("Only an owner can change an owner.");
            }
            Instant now = clock.instant();
            boolean losesOwner = current.role() == Role.OWNER && current.status() == MemberStatus.ACTIVE
                    && ((role != null && role != Role.OWNER) || status == MemberStatus.DEACTIVATED);
            if (losesOwner && activeOwners(shop) <= 1) {
                throw TeamProblems.LAST_OWNER.exception("This is the shop's only owner. Make another member an owner first.");
            }
            if (status == MemberStatus.ACTIVE && current.status() == MemberStatus.DEACTIVATED) {
                seats.requireFreeSeat(shop, null, "reactivate this member");
                jdbc.sql("UPDATE public.memberships SET status = 'ACTIVE', activated_at = ? WHERE tenant_id = ? AND user_id = ?")
                        .params(Timestamp.from(now), shop.value(), userId).update();
                record(shop, actor, "member.reactivated", userId, Map.of());
            }
            if (role != null && role != current.role()) {
                jdbc.sql("UPDATE public.memberships SET role = ? WHERE tenant_id = ? AND user_id = ?")
                        .params(role.name(), shop.value(), userId).update();
                record(shop, actor, "member.role-changed", userId, Map.of("from", current.role().name(), "to", role.name()));
            }
            if (status == MemberStatus.DEACTIVATED && current.status() == MemberStatus.ACTIVE) {
                jdbc.sql("UPDATE public.memberships SET status = 'DEACTIVATED' WHERE tenant_id = ? AND user_id = ?")
                        .params(shop.value(), userId).update();
                record(shop, actor, "member.deactivated", userId, Map.of());
                events.publishEvent(new MemberDeactivated(shop, userId, "deactivated by user " + actor.userId(), now));
            }
        });
        return find(shop, userId).orElseThrow();
    }

    private record Current(Role role, MemberStatus status) {
    }

    private Optional<Current> current(TenantId shop, UUID userId) {
        return jdbc.sql("SELECT role, status FROM public.memberships WHERE tenant_id = ? AND user_id = ?")
                .params(shop.value(), userId)
                .query((rs, n) -> new Current(Role.valueOf(rs.getString("role")), MemberStatus.valueOf(rs.getString("status"))))
                .optional();
    }

    private int activeOwners(TenantId shop) {
        return jdbc.sql("SELECT count(*) FROM public.memberships WHERE tenant_id = ? AND role = 'OWNER' AND status = 'ACTIVE'")
                .param(shop.value()).query(Integer.class).single();
    }

    private void record(TenantId shop, Actor actor, String action, UUID member, Map<String, Object> more) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("memberId", member.toString());
        details.putAll(more);
        audit.record(new AuditEntry(shop, AuditEntry.ActorType.USER, actor.userId().toString(), action, null, details, actor.ip()));
    }

    static void requireManager(Actor actor) {
        if (!actor.manages()) {
            throw CoreProblems.FORBIDDEN.exception("Only an owner or an admin can manage the team.");
        }
    }

    static ProblemException noSuchMember() {
        return CoreProblems.NOT_FOUND.exception("This shop has no such member.");
    }

    private Member member(java.sql.ResultSet rs, int limit) throws java.sql.SQLException {
        Role role = Role.valueOf(rs.getString("role"));
        MemberStatus status = MemberStatus.valueOf(rs.getString("status"));
        long rank = rs.getLong("seat_rank");
        String reason = null;
        if (status == MemberStatus.DEACTIVATED) {
            reason = "Deactivated; an owner or admin can reactivate them if a seat is free.";
        } else if (role != Role.OWNER && rank > limit) {
            reason = Seats.beyondSeatsReason(limit);
        }
        return new Member(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("email"), role, status,
                rs.getTimestamp("activated_at").toInstant(), reason == null, reason);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text, String field, String message, FieldErrors errors) {
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            errors.add(field, message);
            return null;
        }
    }
}

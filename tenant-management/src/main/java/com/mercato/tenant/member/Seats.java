package com.mercato.tenant.member;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.mercato.core.problem.ProblemException;
import com.mercato.core.tenancy.TenantId;
import com.mercato.tenant.allowance.ShopAllowances;

/**
 * A shop's seats: plan seats plus extra seats (from billing, through {@link ShopAllowances}),
 * taken by active members and pending invitations (neither accepted nor revoked nor expired).
 *
 * <p>Every change that takes a seat first locks the shop's {@code public.tenants} row, then
 * counts and writes in the same transaction, so two requests on any two nodes can never both
 * take the last seat: the database decides, never a cache or an in-memory lock. The lock is
 * {@code FOR NO KEY UPDATE}: it excludes every other seat change of that shop, yet does not
 * block inserts elsewhere that merely reference the shop (foreign keys take {@code KEY SHARE}).
 */
@Service
public class Seats {

    private final JdbcClient jdbc;
    private final ShopAllowances allowances;
    private final java.time.Clock clock;

    Seats(JdbcClient jdbc, ShopAllowances allowances, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.allowances = allowances;
        this.clock = clock;
    }

    /** What the seats look like: {@code used} counts active members and pending invitations. */
    public record Usage(int limit, int members, int pending) {
        public int used() {
            return members + pending;
        }

        public int available() {
            return Math.max(0, limit - used());
        }
    }

    /**
     * A member's place in the seat order: 1 + the active members before them (owners first,
     * then earliest activated, ties by user id). Shared by the shop guard and the team list so both agree;
     * an SQL expression over {@code m}, an alias of {@code public.memberships}.
     */
    public static final String RANK_SQL = """
            (SELECT count(*) + 1 FROM public.memberships o
             WHERE o.tenant_id = m.tenant_id AND o.status = 'ACTIVE'
               AND (CASE WHEN o.role = 'OWNER' THEN 0 ELSE 1 END, o.activated_at, o.user_id)
                 < (CASE WHEN m.role = 'OWNER' THEN 0 ELSE 1 END, m.activated_at, m.user_id))""";

    public int limit(TenantId shop) {
        return allowances.of(shop).seats();
    }

    public Usage usage(TenantId shop) {
        return count(shop, null);
    }

    /** Why an active member beyond the seats cannot use the shop. */
    public static String beyondSeatsReason(int seats) {
        return "The plan has " + seats + (seats == 1 ? " seat" : " seats")
                + "; the owner must deactivate someone or add seats.";
    }

    /** Locks the shop's seats until the caller's transaction ends. */
    public void lock(TenantId shop) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("The seat lock only means something inside a transaction");
        }
        jdbc.sql("SELECT id FROM public.tenants WHERE id = ? FOR NO KEY UPDATE").param(shop.value()).query(UUID.class).optional();
    }

    /**
     * Locks, then refuses unless a seat is free for one more invitation or member (a new
     * invitation, a resent one, a reactivation). {@code except} is an invitation whose own seat
     * does not count (the one being resent), or null.
     */
    public void requireFreeSeat(TenantId shop, UUID except, String forWhat) {
        lock(shop);
        Usage usage = count(shop, except);
        if (usage.used() >= usage.limit()) {
            throw limitReached(usage, forWhat, allowances.howToGetMoreSeats(shop));
        }
    }

    /**
     * Locks, then refuses unless active members are fewer than the seats: for accepting an
     * invitation, whose pending seat becomes the member's. Pending invitations do not count
     * against it, since the invitation already held its seat; only members do, so after a
     * downgrade (more seats promised than the plan has) the first accepts fill what is left and
     * the rest are refused, and active members never exceed the seats through an accept.
     */
    public void requireSeatForAccept(TenantId shop) {
        lock(shop);
        Usage usage = count(shop, null);
        if (usage.members() >= usage.limit()) {
            throw limitReached(usage, "accept this invitation", allowances.howToGetMoreSeats(shop));
        }
    }

    private Usage count(TenantId shop, UUID exceptInvitation) {
        int limit = limit(shop);
        List<Integer> counts = jdbc.sql("""
                        SELECT (SELECT count(*) FROM public.memberships WHERE tenant_id = :shop AND status = 'ACTIVE'),
                               (SELECT count(*) FROM public.invitations
                                WHERE tenant_id = :shop AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > :now
                                  AND id IS DISTINCT FROM CAST(:except AS uuid))""")
                .param("shop", shop.value())
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .param("except", exceptInvitation, java.sql.Types.OTHER)
                .query((rs, n) -> List.of(rs.getInt(1), rs.getInt(2)))
                .single();
        return new Usage(limit, counts.get(0), counts.get(1));
    }

    private static ProblemException limitReached(Usage usage, String forWhat, String howToGetMore) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("limit", usage.limit());
        fields.put("used", usage.used());
        fields.put("members", usage.members());
        fields.put("pending", usage.pending());
        return new ProblemException(TeamProblems.SEAT_LIMIT_REACHED,
                "Every seat is taken, so you cannot " + forWhat + ": the plan has " + usage.limit()
                        + (usage.limit() == 1 ? " seat" : " seats") + " and " + usage.members() + " active members and "
                        + usage.pending() + " pending invitations hold " + usage.used()
                        + ". Free one (deactivate a member or revoke an invitation), or get more: " + howToGetMore + ".",
                List.of(), fields);
    }
}

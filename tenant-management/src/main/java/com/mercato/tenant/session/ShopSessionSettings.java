package com.mercato.tenant.session;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.mercato.core.problem.FieldErrors;
import com.mercato.core.problem.ProblemException;
import com.mercato.core.tenancy.TenantId;
import com.mercato.tenant.allowance.ShopAllowances;

/**
 * A shop's session settings ({@code public.shop_settings}): the owner's limit per member and
 * overflow policy. Without a stored row the plan's bound and {@link SessionOverflow#END_OLDEST}
 * apply; a stored limit above the plan's current bound (after a downgrade) is read as the bound.
 */
@Service
public class ShopSessionSettings {

    private final JdbcClient jdbc;
    private final ShopAllowances allowances;
    private final Clock clock;

    ShopSessionSettings(JdbcClient jdbc, ShopAllowances allowances, Clock clock) {
        this.jdbc = jdbc;
        this.allowances = allowances;
        this.clock = clock;
    }

    public SessionPolicy of(TenantId shop) {
        int bound = planBound(shop);
        Optional<Stored> stored = stored(shop);
        int limit = stored.map(Stored::maxSessions).map(max -> Math.min(max, bound)).orElse(bound);
        SessionOverflow overflow = stored.map(Stored::overflow).orElse(SessionOverflow.END_OLDEST);
        return new SessionPolicy(limit, overflow, bound);
    }

    /**
     * Changes what is given (null leaves it as it is). A limit above the plan's bound is a 402
     * that names the bound; a limit below 1 or an unknown policy a 400 with field errors.
     */
    @Transactional
    public SessionPolicy update(TenantId shop, Integer maxSessionsPerMember, String overflow) {
        FieldErrors errors = new FieldErrors();
        errors.require(maxSessionsPerMember == null || maxSessionsPerMember >= 1, "maxSessionsPerMember", "must be at least 1");
        SessionOverflow parsed = null;
        if (overflow != null) {
            try {
                parsed = SessionOverflow.valueOf(overflow);
            } catch (IllegalArgumentException e) {
                errors.add("sessionOverflow", "must be END_OLDEST or REFUSE_NEW");
            }
        }
        errors.throwIfAny();
        int bound = planBound(shop);
        if (maxSessionsPerMember != null && maxSessionsPerMember > bound) {
            throw new ProblemException(SessionProblems.SESSION_LIMIT_ABOVE_PLAN,
                    "This shop's plan allows at most " + bound + " sessions per member; upgrade the plan to allow more.",
                    java.util.List.of(), Map.of("planMaxSessionsPerMember", bound));
        }
        jdbc.sql("""
                        INSERT INTO public.shop_settings (tenant_id, max_sessions_per_member, session_overflow, updated_at)
                        VALUES (?, ?, COALESCE(?, 'END_OLDEST'), ?)
                        ON CONFLICT (tenant_id) DO UPDATE SET
                            max_sessions_per_member = COALESCE(EXCLUDED.max_sessions_per_member, public.shop_settings.max_sessions_per_member),
                            session_overflow = COALESCE(?, public.shop_settings.session_overflow),
                            updated_at = EXCLUDED.updated_at""")
                .params(shop.value(), maxSessionsPerMember, parsed == null ? null : parsed.name(),
                        Timestamp.from(clock.instant()), parsed == null ? null : parsed.name())
                .update();
        return of(shop);
    }

    private int planBound(TenantId shop) {
        // A shop whose plan cannot be read still lets each member in on one device.
        return Math.max(1, allowances.of(shop).sessionsPerMember());
    }

    private Optional<Stored> stored(TenantId shop) {
        return jdbc.sql("SELECT max_sessions_per_member, session_overflow FROM public.shop_settings WHERE tenant_id = ?")
                .param(shop.value())
                .query((rs, n) -> new Stored((Integer) rs.getObject("max_sessions_per_member"),
                        SessionOverflow.valueOf(rs.getString("session_overflow"))))
                .optional();
    }

    private record Stored(Integer maxSessions, SessionOverflow overflow) {
    }
}

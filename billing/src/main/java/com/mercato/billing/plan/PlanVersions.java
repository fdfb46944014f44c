package com.mercato.billing.plan;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.mercato.core.problem.CoreProblems;
import com.mercato.tenant.audit.AuditEntry;
import com.mercato.tenant.audit.AuditLog;

/**
 * Operators' plan edits. A version is never changed once sold: an edit inserts the next version
 * and makes it current, so new subscribers get it while existing ones keep the version they
 * bought until moved. Its provider prices are created on first use (their lookup keys carry the
 * version), since Stripe prices are immutable too.
 */
@Service
public class PlanVersions {

    private final JdbcClient jdbc;
    private final PlanCatalog catalog;
    private final AuditLog audit;
    private final Clock clock;

    PlanVersions(JdbcClient jdbc, PlanCatalog catalog, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Plan publish(PlanCode code, PlanTerms terms, String operator) {
        terms.validate();
        // The row lock makes two operators' edits of one plan take turns instead of racing for a version number.
        var current = jdbc.sql("SELECT version, currency, sort_order FROM public.plans WHERE code = ? AND current FOR UPDATE")
                .param(code.name())
                .query((rs, n) -> new CurrentRow(rs.getInt(1), rs.getString(2), rs.getInt(3)))
                .optional()
                .orElseThrow(() -> CoreProblems.NOT_FOUND.exception("There is no plan " + code + "."));
        int version = current.version() + 1;
        jdbc.sql("UPDATE public.plans SET current = false WHERE code = ? AND current").param(code.name()).update();
        jdbc.sql("""
                        INSERT INTO public.plans (code, version, name, currency, monthly_price, annual_price, seats,
                            extra_seat_monthly_price, extra_seat_annual_price, contacts, channels, auto_reply_rules,
                            broadcast_recipients_per_month, api_access, sessions_per_member, trial_days, sort_order, current, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?)""")
                .params(code.name(), version, terms.name().strip(), current.currency(), terms.monthlyPrice(), terms.annualPrice(),
                        terms.seats(), terms.extraSeatMonthlyPrice(), terms.extraSeatAnnualPrice(), terms.contacts(),
                        terms.channels(), terms.autoReplyRules(), terms.broadcastRecipientsPerMonth(), terms.apiAccess(),
                        terms.sessionsPerMember(), terms.trialDays(), current.sortOrder(), Timestamp.from(clock.instant()))
                .update();
        audit.record(new AuditEntry(null, AuditEntry.ActorType.OPERATOR, operator, "plan.version-published", null,
                Map.of("plan", code.name(), "version", version, "previousVersion", current.version()), null));
        return catalog.version(code, version).orElseThrow();
    }

    private record CurrentRow(int version, String currency, int sortOrder) {
    }
}

package com.mercato.billing.invoice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.mercato.billing.provider.ProviderInvoice;
import com.mercato.core.money.Money;
import com.mercato.core.tenancy.TenantId;

/** The mirror of a shop's provider invoices ({@code public.invoices}); kept when the shop is purged. */
@Repository
public class Invoices {

    private final JdbcClient jdbc;
    private final Clock clock;

    Invoices(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void mirror(TenantId shop, ProviderInvoice i) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        INSERT INTO public.invoices (id, tenant_id, number, status, amount_due, amount_paid, currency, period_start,
                                                     period_end, hosted_invoice_url, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (id) DO UPDATE SET number = excluded.number, status = excluded.status,
                            amount_due = excluded.amount_due, amount_paid = excluded.amount_paid,
                            hosted_invoice_url = excluded.hosted_invoice_url, updated_at = excluded.updated_at""")
                .params(i.id(), shop.value(), i.number(), i.status(), i.amountDue(), i.amountPaid(), i.currency().toUpperCase(),
                        ts(i.periodStart()), ts(i.periodEnd()), i.hostedInvoiceUrl(), ts(i.created() == null ? clock.instant() : i.created()), now)
                .update();
    }

    public List<Invoice> of(TenantId shop) {
        return jdbc.sql("""
                        SELECT id, number, status, amount_due, amount_paid, currency, period_start, period_end, hosted_invoice_url,
                               created_at
                        FROM public.invoices WHERE tenant_id = ? ORDER BY created_at DESC, id LIMIT 100""")
                .param(shop.value())
                .query((rs, n) -> map(rs))
                .list();
    }

    private static Invoice map(ResultSet rs) throws SQLException {
        String currency = rs.getString("currency");
        return new Invoice(rs.getString("id"), rs.getString("number"), rs.getString("status"),
                Money.of(rs.getLong("amount_due"), currency), Money.of(rs.getLong("amount_paid"), currency),
                instant(rs.getTimestamp("period_start")), instant(rs.getTimestamp("period_end")),
                rs.getString("hosted_invoice_url"), instant(rs.getTimestamp("created_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}

package com.mercato.billing.notice;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.mercato.core.tenancy.TenantId;
import com.mercato.tenant.mail.Mailer;
import com.mercato.tenant.mail.OutgoingMail;

/** The billing e-mails to a shop's owner: trial reminders and dunning notices. */
@Component
public class OwnerNotices {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final JdbcClient jdbc;
    private final Mailer mailer;
    private final String publicUrl;

    OwnerNotices(JdbcClient jdbc, Mailer mailer, @Value("${mercato.public-url:http://localhost:8080}") String publicUrl) {
        this.jdbc = jdbc;
        this.mailer = mailer;
        this.publicUrl = publicUrl;
    }

    public void trialEndsSoon(TenantId shop, Instant endsAt) {
        owner(shop).ifPresent(o -> mailer.send(new OutgoingMail(o.email(), "Your Mercato trial of " + o.shopName() + " ends " + DAY.format(endsAt),
                "Hello,\n\nthe free trial of " + o.shopName() + " ends on " + DAY.format(endsAt)
                        + ". Choose a plan to keep your team working:\n" + billingPage(o) + "\n")));
    }

    public void paymentFailed(TenantId shop, Instant graceEndsAt) {
        owner(shop).ifPresent(o -> mailer.send(new OutgoingMail(o.email(), "Payment for " + o.shopName() + " failed",
                "Hello,\n\nwe could not collect the payment for " + o.shopName() + ". Please update your payment method before "
                        + DAY.format(graceEndsAt) + ", or the shop will be suspended:\n" + billingPage(o) + "\n")));
    }

    public void suspended(TenantId shop) {
        owner(shop).ifPresent(o -> mailer.send(new OutgoingMail(o.email(), o.shopName() + " is suspended",
                "Hello,\n\n" + o.shopName() + " is suspended for payment. You can still log in, pay and export your data:\n"
                        + billingPage(o) + "\n")));
    }

    private String billingPage(Owner owner) {
        return publicUrl + "/t/" + owner.slug() + "/billing";
    }

    private Optional<Owner> owner(TenantId shop) {
        return jdbc.sql("""
                        SELECT u.email, t.name, t.slug FROM public.tenants t
                        JOIN public.memberships m ON m.tenant_id = t.id AND m.role = 'OWNER' AND m.status = 'ACTIVE'
                        JOIN public.users u ON u.id = m.user_id
                        WHERE t.id = ? ORDER BY m.created_at LIMIT 1""")
                .param(shop.value())
                .query((rs, n) -> new Owner(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    private record Owner(String email, String shopName, String slug) {
    }
}

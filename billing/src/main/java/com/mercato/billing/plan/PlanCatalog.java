package com.mercato.billing.plan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.mercato.core.money.Money;

/** The plans on sale now (the current version of each), and any version a shop may still be on. */
@Service
public class PlanCatalog {

    private static final String COLUMNS = """
            code, version, name, currency, monthly_price, annual_price, seats, extra_seat_monthly_price,
            extra_seat_annual_price, contacts, channels, auto_reply_rules, broadcast_recipients_per_month,
            api_access, sessions_per_member, trial_days""";

    private final JdbcClient jdbc;

    PlanCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Plan> current() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM public.plans WHERE current ORDER BY sort_order")
                .query((rs, n) -> map(rs))
                .list();
    }

    public Optional<Plan> current(PlanCode code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM public.plans WHERE current AND code = ?")
                .param(code.name())
                .query((rs, n) -> map(rs))
                .optional();
    }

    public Optional<Plan> version(PlanCode code, int version) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM public.plans WHERE code = ? AND version = ?")
                .param(code.name())
                .param(version)
                .query((rs, n) -> map(rs))
                .optional();
    }

    private static Plan map(ResultSet rs) throws SQLException {
        String currency = rs.getString("currency");
        return new Plan(
                PlanCode.valueOf(rs.getString("code")),
                rs.getInt("version"),
                rs.getString("name"),
                Money.of(rs.getLong("monthly_price"), currency),
                Money.of(rs.getLong("annual_price"), currency),
                rs.getInt("seats"),
                money(rs, "extra_seat_monthly_price", currency),
                money(rs, "extra_seat_annual_price", currency),
                rs.getObject("contacts", Integer.class),
                rs.getObject("channels", Integer.class),
                rs.getObject("auto_reply_rules", Integer.class),
                rs.getObject("broadcast_recipients_per_month", Integer.class),
                rs.getBoolean("api_access"),
                rs.getInt("sessions_per_member"),
                rs.getInt("trial_days"));
    }

    private static Money money(ResultSet rs, String column, String currency) throws SQLException {
        Long amount = rs.getObject(column, Long.class);
        return amount == null ? null : Money.of(amount, currency);
    }
}

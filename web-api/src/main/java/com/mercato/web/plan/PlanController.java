package com.mercato.web.plan;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.mercato.billing.plan.Plan;
import com.mercato.billing.plan.PlanCatalog;
import com.mercato.core.money.Money;

/** The public plan catalog: what is on sale now. */
@RestController
class PlanController {

    private final PlanCatalog catalog;

    PlanController(PlanCatalog catalog) {
        this.catalog = catalog;
    }

    record Prices(Money month, Money year) {
    }

    record Limits(int seats, Integer contacts, Integer channels, Integer autoReplyRules, Integer broadcastRecipientsPerMonth,
                  int sessionsPerMember) {
    }

    record Features(boolean apiAccess, boolean outgoingWebhooks, boolean extraSeats, boolean broadcasts) {
    }

    record PlanView(String code, int version, String name, Prices prices, Prices extraSeatPrices, Limits limits,
                    Features features, int trialDays) {
        static PlanView of(Plan p) {
            return new PlanView(p.code().name(), p.version(), p.name(),
                    new Prices(p.monthlyPrice(), p.annualPrice()),
                    p.sellsExtraSeats() ? new Prices(p.extraSeatMonthlyPrice(), p.extraSeatAnnualPrice()) : null,
                    new Limits(p.seats(), p.contacts(), p.channels(), p.autoReplyRules(), p.broadcastRecipientsPerMonth(),
                            p.sessionsPerMember()),
                    new Features(p.apiAccess(), p.apiAccess(), p.sellsExtraSeats(),
                            p.broadcastRecipientsPerMonth() == null || p.broadcastRecipientsPerMonth() > 0),
                    p.trialDays());
        }
    }

    @GetMapping("/api/v1/plans")
    List<PlanView> plans() {
        return catalog.current().stream().map(PlanView::of).toList();
    }
}

package com.mercato.web.signup;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;

import com.mercato.billing.plan.BillingInterval;
import com.mercato.billing.plan.Plan;
import com.mercato.billing.plan.PlanCatalog;
import com.mercato.billing.plan.PlanCode;
import com.mercato.core.problem.FieldErrors;
import com.mercato.core.tenancy.Slug;
import com.mercato.tenant.member.PasswordPolicy;
import com.mercato.tenant.member.Users;
import com.mercato.tenant.provisioning.NewShop;
import com.mercato.tenant.provisioning.ShopProvisioning;
import com.mercato.tenant.shop.Shop;
import com.mercato.tenant.shop.TenantProblems;

/**
 * Validates a request to open a shop — every field at once, before anything reaches the
 * database — picks the plan's trial, and hands the shop to provisioning.
 */
@Service
class ShopOpening {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final PlanCatalog plans;
    private final ShopProvisioning provisioning;
    private final Users users;
    private final Clock clock;

    ShopOpening(PlanCatalog plans, ShopProvisioning provisioning, Users users, Clock clock) {
        this.plans = plans;
        this.provisioning = provisioning;
        this.users = users;
        this.clock = clock;
    }

    Shop signUp(SignupController.SignupRequest request) {
        FieldErrors errors = new FieldErrors();
        String slug = checkShop(request.shopName(), request.slug(), errors);
        errors.require(request.ownerEmail() != null && request.ownerEmail().length() <= 254
                && EMAIL.matcher(request.ownerEmail().strip()).matches(), "ownerEmail", "must be an e-mail address");
        errors.check("ownerPassword", PasswordPolicy.problemWith(request.ownerPassword(), request.ownerEmail()));
        errors.require(request.ownerName() != null && !request.ownerName().isBlank() && request.ownerName().length() <= 200,
                "ownerName", "must not be blank, and at most 200 characters");
        Optional<Plan> plan = checkPlan(request.plan(), errors);
        Optional<BillingInterval> interval = checkInterval(request.interval(), errors);
        errors.throwIfAny();
        if (users.findByEmail(request.ownerEmail()).isPresent()) {
            throw TenantProblems.EMAIL_REGISTERED.exception(
                    "This e-mail already has a login. Log in and create the shop from your account.");
        }
        return open(request.shopName(), slug, plan.orElseThrow(), interval.orElseThrow(),
                new NewShop.NewOwner(request.ownerEmail().strip(), request.ownerName(), request.ownerPassword()));
    }

    Shop openFor(UUID userId, SignupController.NewShopRequest request) {
        FieldErrors errors = new FieldErrors();
        String slug = checkShop(request.shopName(), request.slug(), errors);
        Optional<Plan> plan = checkPlan(request.plan(), errors);
        Optional<BillingInterval> interval = checkInterval(request.interval(), errors);
        errors.throwIfAny();
        return open(request.shopName(), slug, plan.orElseThrow(), interval.orElseThrow(), new NewShop.ExistingUser(userId));
    }

    private Shop open(String name, String slug, Plan plan, BillingInterval interval, NewShop.Owner owner) {
        var trialEndsAt = clock.instant().plus(Duration.ofDays(plan.trialDays()));
        return provisioning.provision(new NewShop(name.strip(), slug, plan.code().name(), interval.name(), trialEndsAt, owner));
    }

    /** The slug asked for, or one made from the shop's name; reports the field to blame. */
    private String checkShop(String shopName, String slug, FieldErrors errors) {
        errors.require(shopName != null && !shopName.isBlank() && shopName.length() <= 100,
                "shopName", "must not be blank, and at most 100 characters");
        if (slug != null) {
            errors.check("slug", Slug.problemWith(slug));
            return slug;
        }
        String suggested = Slug.suggestFrom(shopName);
        if (!errors.has("shopName") && Slug.problemWith(suggested).isPresent()) {
            errors.add("slug", "could not be made from the shop name; choose one (3 to 40 lowercase letters, digits and hyphens)");
        }
        return suggested;
    }

    private Optional<Plan> checkPlan(String code, FieldErrors errors) {
        Optional<Plan> plan = PlanCode.parse(code).flatMap(plans::current);
        errors.require(plan.isPresent(), "plan", "must be one of LITE, REGULAR, ADVANCED");
        return plan;
    }

    private static Optional<BillingInterval> checkInterval(String text, FieldErrors errors) {
        Optional<BillingInterval> interval = text == null ? Optional.of(BillingInterval.MONTH) : BillingInterval.parse(text);
        errors.require(interval.isPresent(), "interval", "must be MONTH or YEAR");
        return interval;
    }
}

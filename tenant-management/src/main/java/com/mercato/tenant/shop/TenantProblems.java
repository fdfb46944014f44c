package com.mercato.tenant.shop;

import com.mercato.core.problem.ProblemType;

/** Problem types of shops, sign-up and membership. */
public final class TenantProblems {

    public static final ProblemType SLUG_TAKEN = new ProblemType("slug-taken", "Shop address already taken", 409);
    public static final ProblemType EMAIL_REGISTERED = new ProblemType("email-registered", "E-mail already registered", 409);
    public static final ProblemType SHOP_UNAVAILABLE = new ProblemType("shop-unavailable", "Shop temporarily unavailable", 503);
    public static final ProblemType PROVISIONING_FAILED = new ProblemType("provisioning-failed", "Shop could not be created", 503);

    private TenantProblems() {
    }
}

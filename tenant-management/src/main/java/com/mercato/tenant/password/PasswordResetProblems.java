package com.mercato.tenant.password;

import com.mercato.core.problem.ProblemType;

/** Problem types of password reset links. */
public final class PasswordResetProblems {

    public static final ProblemType RESET_LINK_INVALID = new ProblemType("reset-link-invalid", "Reset link not valid", 404);
    public static final ProblemType RESET_LINK_EXPIRED = new ProblemType("reset-link-expired", "Reset link expired", 410);
    public static final ProblemType RESET_LINK_USED = new ProblemType("reset-link-used", "Reset link already used", 410);

    private PasswordResetProblems() {
    }
}

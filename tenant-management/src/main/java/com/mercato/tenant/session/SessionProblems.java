package com.mercato.tenant.session;

import com.mercato.core.problem.ProblemType;

/** Problem types of session limits and of sessions that were ended. */
public final class SessionProblems {

    public static final ProblemType SESSION_LIMIT_ABOVE_PLAN =
            new ProblemType("session-limit-above-plan", "Session limit above the plan's", 402);
    public static final ProblemType SESSION_LIMIT_REACHED =
            new ProblemType("session-limit-reached", "Too many sessions", 409);
    public static final ProblemType SESSION_ENDED =
            new ProblemType("session-ended", "Session ended", 401);

    private SessionProblems() {
    }
}

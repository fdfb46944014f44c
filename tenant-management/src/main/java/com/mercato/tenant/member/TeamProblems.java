package com.mercato.tenant.member;

import com.mercato.core.problem.ProblemType;

/** Problem types of a shop's team: seats, members and invitations. */
public final class TeamProblems {

    public static final ProblemType SEAT_LIMIT_REACHED = new ProblemType("seat-limit-reached", "No seat free", 402);
    public static final ProblemType SEAT_OVER_LIMIT = new ProblemType("seat-over-limit", "Beyond the plan's seats", 403);
    public static final ProblemType ALREADY_MEMBER = new ProblemType("already-member", "Already a member", 409);
    public static final ProblemType ALREADY_INVITED = new ProblemType("already-invited", "Already invited", 409);
    public static final ProblemType LAST_OWNER = new ProblemType("last-owner", "The shop needs an owner", 409);
    public static final ProblemType INVITATION_INVALID = new ProblemType("invitation-invalid", "Invitation no longer valid", 410);
    public static final ProblemType PASSWORD_INCORRECT = new ProblemType("password-incorrect", "Wrong password", 401);

    private TeamProblems() {
    }
}

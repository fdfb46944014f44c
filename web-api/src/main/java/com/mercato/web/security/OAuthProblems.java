package com.mercato.web.security;

import com.mercato.core.problem.ProblemType;

/** Problem types of the API's OAuth2 side: tokens, integration clients, plan entitlement. */
public final class OAuthProblems {

    public static final ProblemType INVALID_TOKEN = new ProblemType("invalid-token", "Invalid access token", 401);
    public static final ProblemType PERSON_REQUIRED = new ProblemType("person-required", "A person must do this", 403);
    public static final ProblemType API_ACCESS_NOT_IN_PLAN = new ProblemType("api-access-not-in-plan", "API access needs the Advanced plan", 402);

    private OAuthProblems() {
    }
}

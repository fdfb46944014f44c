package com.mercato.core.contact;

import com.mercato.core.problem.ProblemType;

public final class ContactProblems {

    public static final ProblemType EMAIL_TAKEN = new ProblemType("contact-email-taken", "E-mail already used by another contact", 409);

    private ContactProblems() {
    }
}

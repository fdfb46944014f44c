package com.mercato.core.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Collects every failing field of a request, so the client learns of all of them at once. */
public final class FieldErrors {

    private final List<FieldProblem> problems = new ArrayList<>();

    public FieldErrors require(boolean valid, String field, String message) {
        if (!valid) {
            add(field, message);
        }
        return this;
    }

    public FieldErrors check(String field, Optional<String> problem) {
        problem.ifPresent(message -> add(field, message));
        return this;
    }

    public FieldErrors add(String field, String message) {
        if (problems.stream().noneMatch(p -> p.field().equals(field))) {
            problems.add(new FieldProblem(field, message));
        }
        return this;
    }

    public boolean has(String field) {
        return problems.stream().anyMatch(p -> p.field().equals(field));
    }

    /** Throws a 400 validation problem naming every failing field, if there is any. */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new ProblemException(CoreProblems.VALIDATION, "The request has invalid fields.", problems, Map.of());
        }
    }
}

package com.mercato.core.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An expected rejection, answered as an RFC 9457 problem of one {@link ProblemType}. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<FieldProblem> errors;
    private final Map<String, Object> properties;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of(), Map.of());
    }

    public ProblemException(ProblemType type, String detail, List<FieldProblem> errors, Map<String, Object> properties) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.properties = new LinkedHashMap<>(properties);
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(CoreProblems.VALIDATION, "The request has invalid fields.",
                List.of(new FieldProblem(field, message)), Map.of());
    }

    public ProblemType type() {
        return type;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }
}

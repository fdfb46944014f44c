package com.mercato.core.problem;

/** One failing field of a request: its name as the client sent it, and what is wrong. */
public record FieldProblem(String field, String message) {
}

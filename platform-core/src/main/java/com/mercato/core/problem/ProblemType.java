package com.mercato.core.problem;

import java.net.URI;

/**
 * A kind of failure a client can rely on: a stable {@code type} URI ({@code /problems/<slug>}),
 * a short title and the HTTP status it answers with.
 */
public record ProblemType(String slug, String title, int status) {

    public URI uri() {
        return URI.create("/problems/" + slug);
    }

    public ProblemException exception(String detail) {
        return new ProblemException(this, detail);
    }
}

package com.mercato.core.problem;

/** Problem types every part of the platform may answer with. */
public final class CoreProblems {

    public static final ProblemType VALIDATION = new ProblemType("validation", "Invalid request", 400);
    public static final ProblemType MALFORMED_REQUEST = new ProblemType("malformed-request", "Malformed request", 400);
    public static final ProblemType UNAUTHENTICATED = new ProblemType("unauthenticated", "Authentication required", 401);
    public static final ProblemType FORBIDDEN = new ProblemType("forbidden", "Not allowed", 403);
    public static final ProblemType CSRF_TOKEN_INVALID = new ProblemType("csrf-token-invalid", "Missing or invalid CSRF token", 403);
    public static final ProblemType NOT_FOUND = new ProblemType("not-found", "Not found", 404);
    public static final ProblemType METHOD_NOT_ALLOWED = new ProblemType("method-not-allowed", "Method not allowed", 405);
    public static final ProblemType NOT_ACCEPTABLE = new ProblemType("not-acceptable", "Not acceptable", 406);
    public static final ProblemType CONFLICT = new ProblemType("conflict", "Conflict", 409);
    public static final ProblemType STALE_VERSION = new ProblemType("stale-version", "Changed by someone else", 409);
    public static final ProblemType PAYLOAD_TOO_LARGE = new ProblemType("payload-too-large", "Request too large", 413);
    public static final ProblemType UNSUPPORTED_MEDIA_TYPE = new ProblemType("unsupported-media-type", "Unsupported media type", 415);
    public static final ProblemType RATE_LIMITED = new ProblemType("rate-limited", "Too many requests", 429);
    public static final ProblemType INTERNAL = new ProblemType("internal", "Internal error", 500);
    public static final ProblemType SERVICE_UNAVAILABLE = new ProblemType("service-unavailable", "Service unavailable", 503);

    private CoreProblems() {
    }

    /** The type for a bare HTTP status that arrives without one of ours (from the servlet container or Spring MVC). */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> RATE_LIMITED;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status < 500 ? MALFORMED_REQUEST : INTERNAL;
        };
    }
}

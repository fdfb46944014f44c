package com.mercato.web.problem;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import com.mercato.core.problem.CoreProblems;
import com.mercato.core.problem.FieldProblem;
import com.mercato.core.problem.ProblemException;
import com.mercato.core.problem.ProblemType;
import com.mercato.web.observability.RequestIdFilter;

import tools.jackson.databind.json.JsonMapper;

/** Builds RFC 9457 problem details, for MVC handlers and for filters that answer before MVC. */
@Component
public class ProblemResponses {

    private final JsonMapper json;

    ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    public static ProblemDetail of(ProblemType type, String detail, List<FieldProblem> errors, Map<String, Object> properties,
                                   HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatus(type.status());
        problem.setType(type.uri());
        problem.setTitle(type.title());
        problem.setDetail(detail);
        if (request != null) {
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        properties.forEach(problem::setProperty);
        String requestId = MDC.get(RequestIdFilter.MDC_KEY);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }

    public static ProblemDetail of(ProblemException e, HttpServletRequest request) {
        return of(e.type(), e.detail(), e.errors(), e.properties(), request);
    }

    public static ProblemDetail of(ProblemType type, String detail, HttpServletRequest request) {
        return of(type, detail, List.of(), Map.of(), request);
    }

    /** Writes a problem straight to the response, for code that runs outside Spring MVC. */
    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), flatten(problem));
    }

    /**
     * Answers 503 {@code service-unavailable} with a {@code Retry-After} header and the same delay as
     * {@code retryAfterSeconds} in the body, for code that runs outside Spring MVC.
     */
    public void writeUnavailable(HttpServletResponse response, String detail, int retryAfterSeconds,
                                 HttpServletRequest request) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds));
        write(response, of(CoreProblems.SERVICE_UNAVAILABLE, detail, List.of(), Map.of("retryAfterSeconds", retryAfterSeconds), request));
    }

    /** The problem as RFC 9457 lays it out: extension members beside the standard ones. */
    static Map<String, Object> flatten(ProblemDetail problem) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }
}

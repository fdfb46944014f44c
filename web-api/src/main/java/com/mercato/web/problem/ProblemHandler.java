package com.mercato.web.problem;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.mercato.core.problem.CoreProblems;
import com.mercato.core.problem.FieldProblem;
import com.mercato.core.problem.ProblemException;
import com.mercato.core.problem.ProblemType;

/**
 * Turns every failure of a request into an RFC 9457 problem with a stable type. Expected
 * rejections carry their own type; Spring MVC's own failures are mapped to ours; anything
 * unexpected is logged with the request id and answered without internals.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> expected(ProblemException e, HttpServletRequest request) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.type().status());
        Object retryAfter = e.properties().get("retryAfterSeconds");
        if (retryAfter != null) {
            response.header(HttpHeaders.RETRY_AFTER, retryAfter.toString());
        }
        return response.body(ProblemResponses.of(e, request));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        // A malformed id in the path names nothing that exists: the same 404 as an absent one.
        if (e.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return respond(ProblemResponses.of(CoreProblems.NOT_FOUND, "Nothing exists at this address.", request));
        }
        return respond(ProblemResponses.of(CoreProblems.VALIDATION, "The request has invalid parameters.",
                List.of(new FieldProblem(e.getName(), "has an invalid value")), Map.of(), request));
    }

    @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class,
            DataAccessResourceFailureException.class, QueryTimeoutException.class})
    ResponseEntity<Object> unavailable(Exception e, HttpServletRequest request) {
        log.error("A backing service is unavailable", e);
        ProblemDetail problem = ProblemResponses.of(CoreProblems.SERVICE_UNAVAILABLE,
                "A service Mercato depends on is unavailable; please retry shortly.", request);
        return ResponseEntity.status(503).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    /** Invitation and password-reset links carry their token in the path; a log line must not. */
    static String withoutSecrets(String path) {
        return path == null ? null : path.replaceAll("(/invitations/|/password-reset/)[^/]+", "$1{token}");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure of {} {}", request.getMethod(), withoutSecrets(request.getRequestURI()), e);
        return respond(ProblemResponses.of(CoreProblems.INTERNAL,
                "Something went wrong on our side. Quote the request id when you contact support.", request));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                .map(ProblemHandler::fieldProblem)
                .toList();
        return respond(ProblemResponses.of(CoreProblems.VALIDATION, "The request has invalid fields.", errors, Map.of(), servlet(request)));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ProblemType type = switch (e) {
            case HttpMessageNotReadableException unreadable when RequestBodyLimitFilter.isTooLarge(unreadable) -> CoreProblems.PAYLOAD_TOO_LARGE;
            case HttpMessageNotReadableException unreadable -> CoreProblems.MALFORMED_REQUEST;
            case HttpRequestMethodNotSupportedException notSupported -> CoreProblems.METHOD_NOT_ALLOWED;
            case HttpMediaTypeNotSupportedException notSupported -> CoreProblems.UNSUPPORTED_MEDIA_TYPE;
            case HttpMediaTypeNotAcceptableException notAcceptable -> CoreProblems.NOT_ACCEPTABLE;
            case NoResourceFoundException notFound -> CoreProblems.NOT_FOUND;
            default -> CoreProblems.forStatus(status.value());
        };
        String detail = switch (type.slug()) {
            case "malformed-request" -> "The request body is missing or is not valid JSON of the expected shape.";
            case "payload-too-large" -> "The request body is larger than this endpoint accepts.";
            case "not-found" -> "Nothing exists at this address.";
            case "method-not-allowed" -> "This address does not accept " + servlet(request).getMethod() + ".";
            case "unsupported-media-type" -> "This endpoint does not accept the request's content type.";
            default -> body instanceof ProblemDetail p && p.getDetail() != null ? p.getDetail() : type.title();
        };
        ProblemDetail problem = ProblemResponses.of(type, detail, servlet(request));
        return ResponseEntity.status(type.status()).headers(headers).body(problem);
    }

    private static FieldProblem fieldProblem(FieldError error) {
        return new FieldProblem(error.getField(), error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage());
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static HttpServletRequest servlet(WebRequest request) {
        return ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
    }
}

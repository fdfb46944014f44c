package com.mercato.web.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

import com.mercato.core.problem.CoreProblems;
import com.mercato.core.problem.ProblemType;
import com.mercato.core.tenancy.TenantId;
import com.mercato.tenant.audit.AuditEntry;
import com.mercato.tenant.audit.AuditLog;
import com.mercato.tenant.member.Users;
import com.mercato.tenant.session.SessionProblems;
import com.mercato.web.problem.ProblemResponses;
import com.mercato.web.session.LoginBusy;
import com.mercato.web.session.SessionAttributes;
import com.mercato.web.session.SessionLimitReached;

import tools.jackson.databind.json.JsonMapper;

/**
 * How security answers: JSON and problems for API clients and for browsers' fetch calls
 * (which ask for JSON), redirects for plain page navigation.
 */
@Component
class ProblemSecurityHandlers {

    private static final Logger log = LoggerFactory.getLogger(ProblemSecurityHandlers.class);
    static final ProblemType LOGIN_FAILED = new ProblemType("login-failed", "Login failed", 401);

    private final ProblemResponses problems;
    private final JsonMapper json;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final SavedRequestAwareAuthenticationSuccessHandler pageSuccess = new SavedRequestAwareAuthenticationSuccessHandler();

    ProblemSecurityHandlers(ProblemResponses problems, JsonMapper json, LoginThrottle throttle, AuditLog audit) {
        this.problems = problems;
        this.json = json;
        this.throttle = throttle;
        this.audit = audit;
    }

    void notAuthenticated(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        problems.write(response, ProblemResponses.of(CoreProblems.UNAUTHENTICATED, "Log in or present a valid access token.", request));
    }

    void accessDenied(HttpServletRequest request, HttpServletResponse response,
                      org.springframework.security.access.AccessDeniedException e) throws IOException {
        if (e instanceof CsrfException) {
            problems.write(response, ProblemResponses.of(CoreProblems.CSRF_TOKEN_INVALID,
                    "Send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header.", request));
        } else {
            problems.write(response, ProblemResponses.of(CoreProblems.FORBIDDEN, "You may not do this.", request));
        }
    }

    void loginSucceeded(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, jakarta.servlet.ServletException {
        MemberPrincipal member = (MemberPrincipal) authentication.getPrincipal();
        throttle.succeeded(member.email());
        audit.record(new AuditEntry(currentShop(request), AuditEntry.ActorType.USER, member.userId().toString(), "login.succeeded",
                null, Map.of(), request.getRemoteAddr()));
        if (!wantsJson(request)) {
            pageSuccess.onAuthenticationSuccess(request, response, authentication);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userId", member.userId());
        body.put("email", member.email());
        body.put("name", member.name());
        response.setStatus(200);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }

    void loginFailed(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        String email = String.valueOf(Users.normalizeEmail(request.getParameter("username")));
        if (e instanceof SessionLimitReached limit) {
            // The password was right: not a failure that counts towards the throttle.
            audit.record(new AuditEntry(null, AuditEntry.ActorType.USER, null, "login.refused", "session-limit",
                    Map.of("email", email, "limit", limit.limit()), request.getRemoteAddr()));
            problems.write(response, ProblemResponses.of(SessionProblems.SESSION_LIMIT_REACHED,
                    "You are logged in on " + limit.limit() + " devices, as many as this shop allows. "
                            + "Log out on one of them (or end it under your sessions) and log in again.",
                    java.util.List.of(), Map.of("maxSessionsPerMember", limit.limit()), request));
            return;
        }
        if (e instanceof LoginBusy) {
            problems.writeUnavailable(response, "Another login of yours is in progress; please retry.", 1, request);
            return;
        }
        if (e instanceof InternalAuthenticationServiceException) {
            // The check itself failed (the database is out of reach, say): not the person's fault, so
            // neither a 401 nor a failure that counts towards the throttle.
            log.error("A login could not be checked", e);
            problems.writeUnavailable(response, "Logging in is not possible right now. Please try again in a few seconds.", 5, request);
            return;
        }
        throttle.failed(email, request.getRemoteAddr());
        audit.record(new AuditEntry(null, AuditEntry.ActorType.USER, null, "login.failed", "bad-credentials",
                Map.of("email", email), request.getRemoteAddr()));
        if (!wantsJson(request)) {
            response.sendRedirect(request.getContextPath() + "/login?error");
            return;
        }
        // One answer whether the e-mail exists or not.
        problems.write(response, ProblemResponses.of(LOGIN_FAILED, "The e-mail or password is not right.", request));
    }

    void loggedOut(HttpServletRequest request, HttpServletResponse response, Authentication authentication) throws IOException {
        if (authentication != null && authentication.getPrincipal() instanceof MemberPrincipal member) {
            audit.record(new AuditEntry(null, AuditEntry.ActorType.USER, member.userId().toString(), "logout", null, Map.of(),
                    request.getRemoteAddr()));
        }
        if (wantsJson(request)) {
            response.setStatus(204);
        } else {
            response.sendRedirect(request.getContextPath() + "/login?logout");
        }
    }

    private static TenantId currentShop(HttpServletRequest request) {
        jakarta.servlet.http.HttpSession session = request.getSession(false);
        Object shop = session == null ? null : session.getAttribute(SessionAttributes.CURRENT_SHOP);
        return shop == null ? null : new TenantId(java.util.UUID.fromString(shop.toString()));
    }

    private static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && (accept.contains("application/json") || accept.contains("application/problem+json"));
    }
}

package com.mercato.web.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

import com.mercato.core.problem.CoreProblems;
import com.mercato.core.problem.ProblemType;
import com.mercato.web.problem.ProblemResponses;

import tools.jackson.databind.json.JsonMapper;

/**
 * How security answers: JSON and problems for API clients and for browsers' fetch calls
 * (which ask for JSON), redirects for plain page navigation.
 */
@Component
class ProblemSecurityHandlers {

    static final ProblemType LOGIN_FAILED = new ProblemType("login-failed", "Login failed", 401);

    private final ProblemResponses problems;
    private final JsonMapper json;
    private final SavedRequestAwareAuthenticationSuccessHandler pageSuccess = new SavedRequestAwareAuthenticationSuccessHandler();

    ProblemSecurityHandlers(ProblemResponses problems, JsonMapper json) {
        this.problems = problems;
        this.json = json;
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
        if (!wantsJson(request)) {
            pageSuccess.onAuthenticationSuccess(request, response, authentication);
            return;
        }
        MemberPrincipal member = (MemberPrincipal) authentication.getPrincipal();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userId", member.userId());
        body.put("email", member.email());
        body.put("name", member.name());
        response.setStatus(200);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }

    void loginFailed(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        if (!wantsJson(request)) {
            response.sendRedirect(request.getContextPath() + "/login?error");
            return;
        }
        // One answer whether the e-mail exists or not.
        problems.write(response, ProblemResponses.of(LOGIN_FAILED, "The e-mail or password is not right.", request));
    }

    void loggedOut(HttpServletRequest request, HttpServletResponse response, Authentication authentication) throws IOException {
        if (wantsJson(request)) {
            response.setStatus(204);
        } else {
            response.sendRedirect(request.getContextPath() + "/login?logout");
        }
    }

    private static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && (accept.contains("application/json") || accept.contains("application/problem+json"));
    }
}

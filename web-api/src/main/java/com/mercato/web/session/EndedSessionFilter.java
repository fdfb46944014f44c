package com.mercato.web.session;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns away a request on a session that {@link SessionLimits} ended for a newer one. Spring
 * Session marks such a session with an attribute ({@code SpringSessionBackedSessionInformation.expireNow}),
 * and the session is loaded for this request anyway, so reading the mark costs nothing. Spring's
 * ConcurrentSessionFilter asks the session registry instead, which loads the same session from
 * Redis a second time on every request: 29% of a tenant read's CPU in the tenant-read bench.
 */
final class EndedSessionFilter extends OncePerRequestFilter {

    /** The mark's name (the class is package-private); ConcurrentSessionsTest fails if an upgrade renames it. */
    static final String ENDED = "org.springframework.session.security.SpringSessionBackedSessionInformation.EXPIRED";

    interface Answer {
        void ended(HttpServletRequest request, HttpServletResponse response) throws IOException;
    }

    private final Answer answer;

    EndedSessionFilter(Answer answer) {
        this.answer = answer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && Boolean.TRUE.equals(session.getAttribute(ENDED))) {
            session.invalidate();
            SecurityContextHolder.clearContext();
            answer.ended(request, response);
            return;
        }
        chain.doFilter(request, response);
    }
}

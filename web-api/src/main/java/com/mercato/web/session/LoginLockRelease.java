package com.mercato.web.session;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Releases the login's person lock only after Spring Session stored the new session (its
 * filter commits on the way out, inside this one), so the next login of that person counts it.
 */
@Component
@Order(SessionRepositoryFilter.DEFAULT_ORDER - 10)
class LoginLockRelease extends OncePerRequestFilter {

    private final PersonLocks locks;

    LoginLockRelease(PersonLocks locks) {
        this.locks = locks;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            locks.releaseHeldBy(request);
        }
    }
}

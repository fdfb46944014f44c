package com.mercato.web.problem;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;


/**
 * Sessions and login throttling live in Redis and are read before Spring MVC's error handling
 * runs (Spring Session's filter, the security filters), and the session is written after it.
 * When Redis is down, this answers 503 with {@code Retry-After} instead of a 500, and drops
 * whatever the response held, such as a new session's cookie: nothing is half done. Lettuce
 * reconnects on its own, so the next request after Redis returns works again.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RedisUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RedisUnavailableFilter.class);
    static final int RETRY_AFTER_SECONDS = 5;

    private final ProblemResponses problems;

    RedisUnavailableFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException | IOException e) {
            if (!isRedisOutage(e)) {
                throw e;
            }
            log.error("Redis is unavailable during {} {}", request.getMethod(), request.getRequestURI(), e);
            if (response.isCommitted()) {
                return;
            }
            response.reset();
            problems.writeUnavailable(response, "Logins and sessions are unavailable for a moment; please retry shortly.",
                    RETRY_AFTER_SECONDS, request);
        }
    }

    /** A lost or timed-out connection, not a failing command (which is a bug, and stays a 500). */
    static boolean isRedisOutage(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RedisConnectionFailureException
                    || cause instanceof io.lettuce.core.RedisConnectionException
                    || cause instanceof io.lettuce.core.RedisCommandTimeoutException
                    || cause instanceof io.lettuce.core.RedisCommandInterruptedException
                    // "Connection closed", "Currently not connected": Lettuce says so with the base type
                    || cause.getClass() == io.lettuce.core.RedisException.class) {
                return true;
            }
        }
        return false;
    }
}

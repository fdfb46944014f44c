package com.mercato.web.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import com.mercato.tenant.audit.AuditLog;
import com.mercato.web.oauth.BearerTokenSecurity;
import com.mercato.web.problem.ProblemResponses;
import com.mercato.web.session.SessionSecurity;

/**
 * Browser sessions: form login at {@code /login}, the session in Redis (Spring Session),
 * CSRF tokens in the {@code XSRF-TOKEN} cookie, accepted in the {@code X-XSRF-TOKEN} header or
 * the {@code _csrf} field. API paths answer 401/403 as problems instead of redirecting.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** The cookie Spring Security's cookie token repository (csrf().spa()) keeps the token in. */
    private static final String CSRF_COOKIE = "XSRF-TOKEN";

    /**
     * Logins are observed (timed, counted by outcome); the filter chain and the authorization of each
     * request are not. Those wrap every filter of every request (14% of a tenant read's CPU in the
     * tenant-read bench when observed), and the request as a whole is observed anyway (http.server.requests).
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.withDefaults()
                .shouldObserveAuthentications(true)
                .shouldObserveRequests(false)
                .shouldObserveAuthorizations(false)
                .build();
    }

    @Bean
    SecurityFilterChain web(HttpSecurity http, ProblemSecurityHandlers problems, BearerTokenSecurity bearerTokens,
                            SessionSecurity sessions, LoginThrottle throttle, ProblemResponses responses, AuditLog audit) throws Exception {
        var api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/api/v1/plans").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/signup").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/billing/stripe/webhook").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/password-reset", "/api/v1/password-reset/*").permitAll()
                        .requestMatchers("/password-reset/*").permitAll()
                        // invitation links: the token is the credential (com.mercato.web.member)
                        .requestMatchers("/api/v1/invitations/**", "/invitations/**").permitAll()
                        .requestMatchers("/login", "/error", "/actuator/health", "/actuator/health/**", "/actuator/prometheus",
                                "/dev/outbox", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/favicon.ico").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .successHandler(problems::loginSucceeded)
                        .failureHandler(problems::loginFailed)
                        .permitAll())
                .logout(logout -> logout.logoutSuccessHandler(problems::loggedOut))
                .csrf(csrf -> csrf
                        .spa()
                        // Sign-up opens no session and logs nobody in: there is no session to ride on.
                        // Stripe's webhook carries no session either; its signature is checked instead.
                        // Accepting an invitation (JSON) is like sign-up: no session, the unguessable token decides.
                        .ignoringRequestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/signup"),
                                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/invitations/{token}/accept"),
                                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/billing/stripe/webhook")))
                .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class)
                // before the password is checked: a throttled account or address costs no bcrypt
                .addFilterBefore(new LoginThrottleFilter(throttle, responses, audit), UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(problems::notAuthenticated, api)
                        .defaultAccessDeniedHandlerFor(problems::accessDenied, api));
        // OAuth2: bearer access tokens on the API, without CSRF (com.mercato.web.oauth)
        bearerTokens.applyTo(http);
        // concurrent sessions per person, bounded by the shop's setting (com.mercato.web.session)
        sessions.applyTo(http);
        return http.build();
    }

    /**
     * Loads the deferred CSRF token so the cookie is (re)issued, as single-page apps need: on every
     * state-changing request (a login or logout replaces the token) and on a read that brings no
     * token yet. A read that already carries one keeps it; issuing it again cost 11% of a tenant
     * read's CPU in the tenant-read bench (a masked copy from SecureRandom each time).
     */
    private static final class CsrfCookieFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            if (token != null && !(isRead(request) && hasTokenCookie(request))) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }

        private static boolean isRead(HttpServletRequest request) {
            String method = request.getMethod();
            return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
        }

        private static boolean hasTokenCookie(HttpServletRequest request) {
            Cookie[] cookies = request.getCookies();
            if (cookies != null) {
                for (Cookie cookie : cookies) {
                    if (CSRF_COOKIE.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}

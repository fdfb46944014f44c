package com.mercato.web.oauth;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

import com.mercato.core.problem.CoreProblems;
import com.mercato.web.problem.ProblemResponses;
import com.mercato.web.security.OAuthProblems;

/**
 * Bearer access tokens on the API, applied to the browser chain: a request with
 * {@code Authorization: Bearer} is authenticated by the token alone (no session, no CSRF token:
 * nothing ambient a forged request could ride on); a bad, expired, tampered or revoked token is
 * a 401 problem.
 */
@Component
public class BearerTokenSecurity {

    private static final Logger log = LoggerFactory.getLogger(BearerTokenSecurity.class);

    private static final RequestMatcher BEARER = request -> {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    };

    private final JwtDecoder decoder;
    private final OAuth2AuthorizationService authorizations;
    private final ProblemResponses problems;

    BearerTokenSecurity(JwtDecoder decoder, OAuth2AuthorizationService authorizations, ProblemResponses problems) {
        this.decoder = decoder;
        this.authorizations = authorizations;
        this.problems = problems;
    }

    public void applyTo(HttpSecurity http) throws Exception {
        http
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(new ShopTokenConverter(authorizations)))
                        .authenticationEntryPoint(this::invalidToken))
                .csrf(csrf -> csrf.ignoringRequestMatchers(BEARER));
    }

    private void invalidToken(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        if (e instanceof TokenCheckUnavailable) {
            log.error("An access token could not be checked", e);
            problems.writeUnavailable(response, "The access token can not be checked right now; please retry in a few seconds.", 5, request);
            return;
        }
        boolean presented = BEARER.matches(request);
        response.setHeader("WWW-Authenticate", presented ? "Bearer error=\"invalid_token\"" : "Bearer");
        problems.write(response, ProblemResponses.of(
                presented ? OAuthProblems.INVALID_TOKEN : CoreProblems.UNAUTHENTICATED,
                presented ? "The access token is invalid, expired or revoked; get a new one." : "Log in or present a valid access token.",
                request));
    }
}

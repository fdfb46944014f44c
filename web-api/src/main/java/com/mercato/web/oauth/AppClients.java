package com.mercato.web.oauth;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;

/**
 * Apps people sign in to with their Mercato login (authorization code with PKCE): public apps
 * (a single-page or mobile app, no secret, no refresh token) and confidential ones (a server,
 * with a secret and rotated refresh tokens). Registered by the platform, not by shops; there is
 * no HTTP API for this yet (operators' console), so this service is the way in.
 */
@Service
public class AppClients {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** What registering an app returns; the secret is null for a public app and shown only here. */
    public record RegisteredApp(String clientId, String clientSecret) {
        @Override
        public String toString() {
            return "RegisteredApp[" + clientId + "]";
        }
    }

    private final RegisteredClientRepository registeredClients;
    private final PasswordEncoder passwordEncoder;
    private final OAuthSettings settings;
    private final Clock clock;

    AppClients(RegisteredClientRepository registeredClients, PasswordEncoder passwordEncoder, OAuthSettings settings, Clock clock) {
        this.registeredClients = registeredClients;
        this.passwordEncoder = passwordEncoder;
        this.settings = settings;
        this.clock = clock;
    }

    public RegisteredApp registerPublicApp(String name, Collection<String> redirectUris) {
        return register(name, redirectUris, false);
    }

    public RegisteredApp registerConfidentialApp(String name, Collection<String> redirectUris) {
        return register(name, redirectUris, true);
    }

    private RegisteredApp register(String name, Collection<String> redirectUris, boolean confidential) {
        String clientId = "app_" + token(15);
        String secret = confidential ? token(32) : null;
        RegisteredClient.Builder client = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId)
                .clientIdIssuedAt(clock.instant())
                .clientName(name)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(redirectUris))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .scope(OidcScopes.EMAIL)
                .scope(OAuthSettings.API_SCOPE)
                // OAuth 2.1: PKCE for every client, and the person always sees what they grant
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(true).build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .accessTokenTimeToLive(settings.accessTokenTtl())
                        .idTokenSignatureAlgorithm(org.springframework.security.oauth2.jose.jws.SignatureAlgorithm.RS256)
                        .refreshTokenTimeToLive(settings.refreshTokenTtl())
                        .reuseRefreshTokens(false)
                        .build());
        if (confidential) {
            client.clientSecret(passwordEncoder.encode(secret))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN);
        } else {
            client.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        }
        registeredClients.save(client.build());
        return new RegisteredApp(clientId, secret);
    }

    private static String token(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}

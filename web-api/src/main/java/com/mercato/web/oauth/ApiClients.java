package com.mercato.web.oauth;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A shop's integration clients: OAuth2 clients that use the client-credentials grant and act
 * for that one shop. The secret is shown once, at creation, and stored only as a hash.
 */
@Service
class ApiClients {

    private static final SecureRandom RANDOM = new SecureRandom();

    record ApiClient(UUID id, String clientId, String name, UUID createdBy, Instant createdAt) {
    }

    record CreatedApiClient(ApiClient client, String clientSecret) {
        @Override
        public String toString() {
            return "CreatedApiClient[" + client + "]";
        }
    }

    private final RegisteredClientRepository registeredClients;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final OAuthSettings settings;
    private final Clock clock;

    ApiClients(RegisteredClientRepository registeredClients, JdbcClient jdbc, PasswordEncoder passwordEncoder,
               OAuthSettings settings, Clock clock) {
        this.registeredClients = registeredClients;
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    CreatedApiClient create(UUID shopId, String name, UUID createdBy) {
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        String clientId = "mc_" + token(15);
        String secret = token(32);
        RegisteredClient client = RegisteredClient.withId(id.toString())
                .clientId(clientId)
                .clientIdIssuedAt(now)
                .clientSecret(passwordEncoder.encode(secret))
                .clientName(name)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope(OAuthSettings.API_SCOPE)
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .accessTokenTimeToLive(settings.accessTokenTtl())
                        .build())
                .build();
        registeredClients.save(client);
        jdbc.sql("""
                        INSERT INTO public.api_clients (registered_client_id, tenant_id, client_id, name, created_by, created_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(id.toString(), shopId, clientId, name, createdBy, Timestamp.from(now))
                .update();
        return new CreatedApiClient(new ApiClient(id, clientId, name, createdBy, now), secret);
    }

    List<ApiClient> of(UUID shopId) {
        return jdbc.sql("""
                        SELECT registered_client_id, client_id, name, created_by, created_at
                        FROM public.api_clients WHERE tenant_id = ? ORDER BY created_at, client_id""")
                .param(shopId)
                .query((rs, n) -> new ApiClient(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** The shop a registered client acts for, if it is an integration client. */
    Optional<UUID> shopOf(String registeredClientId) {
        return jdbc.sql("SELECT tenant_id FROM public.api_clients WHERE registered_client_id = ?")
                .param(registeredClientId)
                .query(UUID.class)
                .optional();
    }

    /** Deletes the client and every authorization it holds, so its live tokens stop working at once. */
    @Transactional
    boolean delete(UUID shopId, UUID id) {
        int deleted = jdbc.sql("DELETE FROM public.api_clients WHERE tenant_id = ? AND registered_client_id = ?")
                .params(shopId, id.toString())
                .update();
        if (deleted == 0) {
            return false;
        }
        jdbc.sql("DELETE FROM public.oauth2_authorization WHERE registered_client_id = ?").param(id.toString()).update();
        jdbc.sql("DELETE FROM public.oauth2_registered_client WHERE id = ?").param(id.toString()).update();
        return true;
    }

    private static String token(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}

package com.mercato.web.oauth;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import com.mercato.tenant.allowance.ShopAllowances;
import com.mercato.tenant.audit.AuditLog;
import com.mercato.web.oauth.keys.KeyEncryptionKey;
import com.mercato.web.oauth.keys.SigningKeys;

import tools.jackson.databind.json.JsonMapper;

/**
 * The OAuth 2.1 / OpenID Connect authorization server, in this application: its own filter
 * chain ahead of the browser chain, matching only its endpoints (discovery, JWKS, authorize,
 * token, revoke, introspect, userinfo). Clients, authorizations and consents live in PostgreSQL
 * (the JDBC services, on the platform pool: they issue unqualified SQL); signing keys too,
 * sealed. The login page is the application's form login; the consent page is ours, where a
 * person picks the shop the app acts for.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuthorizationServerConfiguration.class);
    static final String CONSENT_PAGE = "/oauth2/consent";

    @Bean
    OAuthSettings oauthSettings(Environment environment) {
        return OAuthSettings.from(environment);
    }

    @Bean
    KeyEncryptionKey keyEncryptionKey(Environment environment) {
        String configured = environment.getProperty("mercato.key-encryption-key");
        if (configured != null && !configured.isBlank()) {
            return KeyEncryptionKey.fromBase64(configured);
        }
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException("Set MERCATO_KEY_ENCRYPTION_KEY (base64 of 32 random bytes, the same on every node) in production");
        }
        if (environment.getProperty("spring.datasource.url") != null) {
            log.warn("MERCATO_KEY_ENCRYPTION_KEY is not set: signing keys are sealed with a key file in the data folder, "
                    + "which other nodes do not have. Set it before running more than one node.");
        }
        return KeyEncryptionKey.fromFile(Path.of(environment.getProperty("mercato.data-dir", "./data"), "key-encryption.key"));
    }

    @Bean
    SigningKeys signingKeys(@Qualifier("dataSource") DataSource dataSource, KeyEncryptionKey kek, Clock clock, OAuthSettings settings) {
        return new SigningKeys(dataSource, kek, clock, settings.publishRetiredKeysFor());
    }

    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        return new NimbusJwtEncoder(keys.activeKeySource());
    }

    /**
     * Verifies with the local keys (no fetch of our own JWKS over the network), against our clock and
     * issuer; a signature once verified is remembered for up to 10,000 tokens (RememberingJwtDecoder).
     */
    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, Clock clock, OAuthSettings settings) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).jwsAlgorithm(SignatureAlgorithm.RS256).build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ofSeconds(30));
        timestamps.setClock(clock);
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(settings.issuer()));
        decoder.setJwtValidator(validator);
        return new RememberingJwtDecoder(decoder, validator, 10_000);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(OAuthSettings settings) {
        return AuthorizationServerSettings.builder().issuer(settings.issuer()).build();
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(@Qualifier("dataSource") DataSource dataSource) {
        return new JdbcRegisteredClientRepository(new JdbcTemplate(dataSource));
    }

    @Bean
    OneConnection oauthStoreConnection(@Qualifier("transactionManager") PlatformTransactionManager platformTransactions) {
        return new OneConnection(platformTransactions);
    }

    @Bean
    OAuth2AuthorizationService authorizationService(@Qualifier("dataSource") DataSource dataSource, RegisteredClientRepository clients,
                                                     OAuth2AuthorizationConsentService consents, OneConnection connection) {
        JdbcOAuth2AuthorizationService service = new JdbcOAuth2AuthorizationService(new JdbcTemplate(dataSource), clients);
        JsonMapper json = AuthorizationJson.mapper();
        service.setAuthorizationRowMapper(new JdbcOAuth2AuthorizationService.JsonMapperOAuth2AuthorizationRowMapper(clients, json));
        service.setAuthorizationParametersMapper(new JdbcOAuth2AuthorizationService.JsonMapperOAuth2AuthorizationParametersMapper(json));
        return new ShopBoundAuthorizations(service, consents, connection);
    }

    @Bean
    OAuth2AuthorizationConsentService authorizationConsentService(@Qualifier("dataSource") DataSource dataSource,
                                                                  RegisteredClientRepository clients, OneConnection connection) {
        return new OneConnectionConsents(new JdbcOAuth2AuthorizationConsentService(new JdbcTemplate(dataSource), clients), connection);
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> shopTokenClaims(ApiClients apiClients, ShopChoices choices, ShopAllowances allowances,
                                                              OAuth2AuthorizationConsentService consents) {
        return new ShopTokenClaims(apiClients, choices, allowances, consents);
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain authorizationServer(HttpSecurity http, ShopChoices choices, JwtDecoder decoder, AuditLog audit) throws Exception {
        OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
        ShopConsent shopConsent = new ShopConsent(choices, audit);
        http
                .securityMatcher(server.getEndpointsMatcher())
                .with(server, as -> as
                        .authorizationEndpoint(endpoint -> endpoint
                                .consentPage(CONSENT_PAGE)
                                .authenticationProviders(providers -> providers.forEach(provider -> {
                                    if (provider instanceof OAuth2AuthorizationConsentAuthenticationProvider consent) {
                                        consent.setAuthorizationConsentCustomizer(shopConsent);
                                    } else if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider request) {
                                        request.setAuthorizationConsentRequired(new ShopConsentRequired(choices));
                                    }
                                })))
                        .oidc(oidc -> { }))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // /userinfo takes the access token
                .oauth2ResourceServer(resource -> resource.jwt(jwt -> jwt.decoder(decoder)))
                // a person opening /oauth2/authorize in a browser logs in with the usual form first
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }
}

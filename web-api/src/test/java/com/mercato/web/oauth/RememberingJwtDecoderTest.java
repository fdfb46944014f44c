package com.mercato.web.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import com.mercato.testsupport.MutableClock;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

class RememberingJwtDecoderTest {

    static final String ISSUER = "https://mercato.example";

    final MutableClock clock = new MutableClock();
    final AtomicInteger verifications = new AtomicInteger();
    final RSAKey key;
    final RememberingJwtDecoder decoder;

    RememberingJwtDecoderTest() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).signatureAlgorithm(SignatureAlgorithm.RS256).build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ofSeconds(30));
        timestamps.setClock(clock);
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(ISSUER));
        nimbus.setJwtValidator(validator);
        JwtDecoder counting = token -> {
            verifications.incrementAndGet();
            return nimbus.decode(token);
        };
        decoder = new RememberingJwtDecoder(counting, validator, 3);
    }

    @Test
    void aTokenSeenBeforeIsNotVerifiedAgain() {
        String token = token(Duration.ofMinutes(5));

        Jwt first = decoder.decode(token);
        Jwt again = decoder.decode(token);

        assertThat(again.getSubject()).isEqualTo("client-1").isEqualTo(first.getSubject());
        assertThat(verifications).hasValue(1);
    }

    @Test
    void aRememberedTokenStillExpires() {
        String token = token(Duration.ofMinutes(5));
        decoder.decode(token);

        clock.advance(Duration.ofMinutes(6));

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class).hasMessageContaining("expired");
    }

    @Test
    void aTokenWithAnAlteredSignatureIsVerifiedAndRefusedThoughItsTwinIsRemembered() {
        String token = token(Duration.ofMinutes(5));
        decoder.decode(token);
        int inSignature = token.length() - 10; // a whole base64url digit of the signature, not its padding bits
        char digit = token.charAt(inSignature);
        String altered = token.substring(0, inSignature) + (digit == 'A' ? 'B' : 'A') + token.substring(inSignature + 1);

        assertThatThrownBy(() -> decoder.decode(altered)).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void theMemoStaysWithinItsCapacity() {
        for (int i = 0; i < 7; i++) {
            decoder.decode(token(Duration.ofMinutes(5 + i)));
            assertThat(decoder.size()).isBetween(1, 3);
        }
    }

    private String token(Duration lifetime) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(ISSUER).subject("client-1").issuedAt(now).expiresAt(now.plus(lifetime)).build();
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims)).getTokenValue();
    }
}

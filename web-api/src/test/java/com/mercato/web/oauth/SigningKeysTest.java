package com.mercato.web.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import com.mercato.web.oauth.keys.KeyEncryptionKey;
import com.mercato.web.oauth.keys.SigningKeys;
import com.mercato.web.support.ApiClient;
import com.mercato.web.support.Fixtures;
import com.mercato.web.support.IntegrationTest;

/** Signing keys live in the database, sealed, survive restarts and rotate without breaking live tokens. */
class SigningKeysTest extends IntegrationTest {

    @Autowired
    @Qualifier("dataSource")
    DataSource dataSource;

    @Autowired
    SigningKeys signingKeys;

    @Autowired
    KeyEncryptionKey kek;

    @Autowired
    JdbcClient jdbc;

    private String clientToken(Fixtures.SignedUpShop shop) {
        ApiClient.Response created = shop.owner().post("/api/v1/shops/" + shop.slug() + "/api-clients", Map.of("name", "Sync"));
        TokenEndpoint.Reply reply = new TokenEndpoint(port).clientCredentials(created.json().path("clientId").asString(),
                created.json().path("clientSecret").asString());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.accessToken();
    }

    @Test
    void keysSurviveARestart() {
        var shop = fixtures().shop("ADVANCED");
        String token = clientToken(shop);

        // what a restarted node does: a new key manager over the same table and key-encryption key
        SigningKeys restarted = new SigningKeys(dataSource, kek, clock, Duration.ofMinutes(10));
        Jwt verified = NimbusJwtDecoder.withJwkSource(restarted).build().decode(token);

        assertThat(restarted.activeKey().getKeyID()).isEqualTo(signingKeys.activeKey().getKeyID());
        assertThat(verified.getHeaders().get("kid")).isEqualTo(restarted.activeKey().getKeyID());
        assertThat(verified.getClaimAsString("shop_id")).isEqualTo(shop.shopId().toString());
    }

    @Test
    void privateKeysAreSealedAtRestAndNeedTheRightKeyEncryptionKey() throws Exception {
        String kid = signingKeys.activeKey().getKeyID();
        byte[] sealed = jdbc.sql("SELECT sealed_private FROM public.oauth_signing_keys WHERE kid = ?").param(kid).query(byte[].class).single();
        byte[] plain = signingKeys.activeKey().toRSAPrivateKey().getEncoded();

        assertThat(indexOf(sealed, java.util.Arrays.copyOfRange(plain, 40, 72))).as("no run of the private key in the row").isEqualTo(-1);
        assertThat(jdbc.sql("SELECT kek_id FROM public.oauth_signing_keys WHERE kid = ?").param(kid).query(String.class).single())
                .isEqualTo(kek.id());
        assertThatThrownBy(() -> new SigningKeys(dataSource, KeyEncryptionKey.random(), clock, Duration.ofMinutes(10)))
                .hasMessageContaining("MERCATO_KEY_ENCRYPTION_KEY");
    }

    @Test
    void rotationSignsWithTheNewKeyAndKeepsTheOldOnePublishedUntilItsTokensExpire() {
        var shop = fixtures().shop("ADVANCED");
        String oldToken = clientToken(shop);
        String oldKid = TokenEndpoint.header(oldToken).path("kid").asString();

        String newKid = signingKeys.rotate().getKeyID();
        String newToken = clientToken(shop);
        TokenEndpoint.Reply jwksAfterRotation = new TokenEndpoint(port).get("/oauth2/jwks", null);
        ApiClient.Response withOldToken = anonymous().withBearer(oldToken).get("/api/v1/shops/" + shop.slug() + "/contacts");

        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(TokenEndpoint.header(newToken).path("kid").asString()).isEqualTo(newKid);
        assertThat(jwksAfterRotation.json().path("keys").valueStream().map(k -> k.path("kid").asString()).toList()).contains(oldKid, newKid);
        assertThat(withOldToken.status()).as("a token signed before the rotation still works").isEqualTo(200);

        clock.advance(Duration.ofMinutes(11));
        TokenEndpoint.Reply jwksLater = new TokenEndpoint(port).get("/oauth2/jwks", null);

        assertThat(jwksLater.json().path("keys").valueStream().map(k -> k.path("kid").asString()).toList())
                .contains(newKid).doesNotContain(oldKid);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

package com.mercato.core.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SecretTokensTest {

    @Test
    void tokensAreUrlSafeOfOneLengthAndNeverRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = SecretTokens.random();
            assertThat(SecretTokens.plausible(token)).as(token).isTrue();
            assertThat(seen.add(token)).isTrue();
        }
    }

    @Test
    void anythingElseIsNotEvenLookedUp() {
        assertThat(SecretTokens.plausible(null)).isFalse();
        assertThat(SecretTokens.plausible("short")).isFalse();
        assertThat(SecretTokens.plausible("a".repeat(42) + "/")).isFalse();
        assertThat(SecretTokens.plausible("a".repeat(42) + "'")).isFalse();
    }

    @Test
    void theDigestIsSha256() {
        assertThat(SecretTokens.sha256Hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(SecretTokens.sha256("abc")).hasSize(32);
    }
}

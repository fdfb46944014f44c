package com.mercato.tenant.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

class OffCarrierPasswordEncoderTest {

    /** Records on which thread each hash ran. */
    private final List<Thread> hashedOn = new CopyOnWriteArrayList<>();
    private final PasswordEncoder recording = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            hashedOn.add(Thread.currentThread());
            return "{test}" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            hashedOn.add(Thread.currentThread());
            if (encoded.equals("{broken}")) {
                throw new IllegalArgumentException("unreadable hash");
            }
            return encoded.equals("{test}" + raw);
        }
    };

    @Test
    void aRequestsVirtualThreadWaitsWhileTheHashRunsOnAPlatformThread() throws Exception {
        try (var encoder = new OffCarrierPasswordEncoder(recording,
                Executors.newFixedThreadPool(1, Thread.ofPlatform().name("password-hashing-", 0).factory()))) {
            List<Boolean> answers;
            try (var requests = Executors.newVirtualThreadPerTaskExecutor()) {
                answers = requests.submit(() -> List.of(encoder.matches("secret", encoder.encode("secret")),
                        encoder.matches("wrong", "{test}secret"))).get();
            }

            assertThat(answers).containsExactly(true, false);

            assertThat(hashedOn).hasSize(3).allSatisfy(thread -> {
                assertThat(thread.isVirtual()).isFalse();
                assertThat(thread.getName()).startsWith("password-hashing-");
            });
        }
    }

    @Test
    void aFailingHashFailsTheCallerWithTheSameException() {
        try (var encoder = new OffCarrierPasswordEncoder(recording, Executors.newSingleThreadExecutor())) {
            assertThatThrownBy(() -> encoder.matches("secret", "{broken}"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("unreadable hash");
        }
    }
}

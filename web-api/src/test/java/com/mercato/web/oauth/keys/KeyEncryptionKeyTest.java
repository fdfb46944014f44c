package com.mercato.web.oauth.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyEncryptionKeyTest {

    @TempDir
    Path dataDir;

    @Test
    void generatedKeyFileIsReusedAndReadableByTheOwnerOnly() throws Exception {
        Path file = dataDir.resolve("key-encryption.key");

        KeyEncryptionKey first = KeyEncryptionKey.fromFile(file);
        KeyEncryptionKey again = KeyEncryptionKey.fromFile(file);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        byte[] sealed = first.seal("secret".getBytes(StandardCharsets.UTF_8), "kid-1");
        assertThat(new String(again.open(sealed, "kid-1"), StandardCharsets.UTF_8)).isEqualTo("secret");
    }

    @Test
    void sealedKeyOpensOnlyWithTheSameKeyAndContext() {
        KeyEncryptionKey kek = KeyEncryptionKey.random();
        byte[] sealed = kek.seal("private".getBytes(StandardCharsets.UTF_8), "kid-1");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("private");
        assertThatThrownBy(() -> KeyEncryptionKey.random().open(sealed, "kid-1")).hasMessageContaining("wrong key-encryption key");
        assertThatThrownBy(() -> kek.open(sealed, "kid-2")).as("a row's ciphertext cannot be moved to another kid")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void configuredKeyMustBe32Bytes() {
        assertThatThrownBy(() -> KeyEncryptionKey.fromBase64("c2hvcnQ=")).hasMessageContaining("32 bytes");
        assertThat(KeyEncryptionKey.fromBase64("q8s8cX1sK0m3m2yQyC9b3rXh2zYp0m6nJ4t7w1v5u8A=").toString())
                .doesNotContain("q8s8cX1sK0m3m2yQyC9b3rXh2zYp0m6nJ4t7w1v5u8A=");
    }
}

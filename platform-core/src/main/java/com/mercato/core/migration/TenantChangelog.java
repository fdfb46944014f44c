package com.mercato.core.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The fingerprint of the tenant changelog this build carries. A shop whose schema was last
 * migrated under another fingerprint is not served until it is migrated again, so a rolling
 * deploy never runs new code against an old schema.
 */
public final class TenantChangelog {

    private static final String FILES = "classpath*:db/tenant/*";
    private static final String FINGERPRINT = compute();

    private TenantChangelog() {
    }

    public static String fingerprint() {
        return FINGERPRINT;
    }

    private static String compute() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver(TenantChangelog.class.getClassLoader()).getResources(FILES);
            Arrays.sort(resources, Comparator.comparing(Resource::getFilename));
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Resource resource : resources) {
                digest.update(resource.getFilename().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                try (InputStream in = resource.getInputStream()) {
                    digest.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the tenant changelog", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

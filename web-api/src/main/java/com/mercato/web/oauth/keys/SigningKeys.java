package com.mercato.web.oauth.keys;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * The authorization server's token signing keys, kept in {@code public.oauth_signing_keys} with
 * the private half sealed by the {@link KeyEncryptionKey}. Loaded at start, created only when
 * there is none (so a restart signs and verifies with the same key), rotated on demand: the new
 * key signs from then on, the old one stays in the JWKS until every token it signed has expired.
 * <p>
 * Each node caches the keys and reloads them now and then, and at once (rate-limited) when a
 * token names a key it does not know — another node may have rotated.
 */
public final class SigningKeys implements JWKSource<SecurityContext> {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final Duration REFRESH_EVERY = Duration.ofMinutes(1);
    private static final Duration MIN_RELOAD_INTERVAL = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KeyEncryptionKey kek;
    private final Clock clock;
    private final Duration publishRetiredFor;

    private volatile Snapshot snapshot;

    /**
     * @param dataSource        the platform pool (search_path public)
     * @param publishRetiredFor how long a rotated-out key stays published: at least the longest token lifetime
     */
    public SigningKeys(DataSource dataSource, KeyEncryptionKey kek, Clock clock, Duration publishRetiredFor) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.kek = kek;
        this.clock = clock;
        this.publishRetiredFor = publishRetiredFor;
        this.snapshot = loadOrCreate();
    }

    /** The key that signs new tokens (with its private half). */
    public RSAKey activeKey() {
        return current().active();
    }

    /** Every published key, public halves only: what {@code /oauth2/jwks} shows. */
    public JWKSet publishedKeys() {
        return new JWKSet(new ArrayList<>(current().published())).toPublicJWKSet();
    }

    /** A source holding the active key only, for the token encoder (which must find exactly one). */
    public JWKSource<SecurityContext> activeKeySource() {
        return (selector, context) -> selector.select(new JWKSet(activeKey()));
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        List<JWK> found = selector.select(new JWKSet(current().published()));
        if (found.isEmpty() && reloadAllowed()) {
            snapshot = load();
            found = selector.select(new JWKSet(snapshot.published()));
        }
        return found;
    }

    /**
     * Makes a new key the signing key; the previous one stays published for
     * {@code publishRetiredFor}. Safe on several nodes at once: the row lock serialises them.
     */
    public RSAKey rotate() {
        rotateWhen(createdAt -> true);
        return snapshot.active();
    }

    /**
     * Rotates when the signing key is older than {@code maxAge}; tells whether it did. Several
     * nodes may call this at once: the row lock lets one rotate, the others then see a fresh key.
     */
    public boolean rotateIfOlderThan(Duration maxAge) {
        return rotateWhen(createdAt -> createdAt.isBefore(clock.instant().minus(maxAge)));
    }

    private boolean rotateWhen(java.util.function.Predicate<Instant> due) {
        Boolean rotated = transactions.execute(tx -> {
            Instant now = clock.instant();
            Instant createdAt = jdbc.sql("SELECT created_at FROM public.oauth_signing_keys WHERE active FOR UPDATE")
                    .query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(Instant.MIN);
            if (!due.test(createdAt)) {
                return false;
            }
            jdbc.sql("UPDATE public.oauth_signing_keys SET active = false, published_until = ? WHERE active")
                    .param(Timestamp.from(now.plus(publishRetiredFor)))
                    .update();
            insert(newKey(), now);
            return true;
        });
        snapshot = load();
        if (Boolean.TRUE.equals(rotated)) {
            log.info("Rotated the token signing key; the new key is {}", snapshot.active().getKeyID());
        }
        return Boolean.TRUE.equals(rotated);
    }

    /** Deletes retired keys unpublished for a while (their tokens are long gone); returns how many. */
    public int deleteRetiredBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM public.oauth_signing_keys WHERE NOT active AND published_until < ?")
                .param(Timestamp.from(cutoff))
                .update();
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (Duration.between(s.loadedAt(), clock.instant()).abs().compareTo(REFRESH_EVERY) > 0) {
            s = load();
            snapshot = s;
        }
        return s;
    }

    private boolean reloadAllowed() {
        return Duration.between(snapshot.loadedAt(), clock.instant()).abs().compareTo(MIN_RELOAD_INTERVAL) > 0;
    }

    private Snapshot loadOrCreate() {
        Snapshot loaded = load();
        if (loaded.active() != null) {
            return loaded;
        }
        // First start: create the key unless another node does it at the same moment.
        RSAKey fresh = newKey();
        int inserted = jdbc.sql("""
                        INSERT INTO public.oauth_signing_keys (kid, algorithm, public_key, sealed_private, kek_id, created_at, active)
                        VALUES (?, 'RS256', ?, ?, ?, ?, true)
                        ON CONFLICT (active) WHERE active DO NOTHING""")
                .params(fresh.getKeyID(), publicBytes(fresh), kek.seal(privateBytes(fresh), fresh.getKeyID()), kek.id(),
                        Timestamp.from(clock.instant()))
                .update();
        if (inserted == 1) {
            log.info("Created the first token signing key {}", fresh.getKeyID());
        }
        loaded = load();
        if (loaded.active() == null) {
            throw new IllegalStateException("No active token signing key after creating one");
        }
        return loaded;
    }

    private Snapshot load() {
        Instant now = clock.instant();
        List<Row> rows = jdbc.sql("""
                        SELECT kid, public_key, sealed_private, kek_id, active
                        FROM public.oauth_signing_keys
                        WHERE active OR published_until > ?
                        ORDER BY active DESC, created_at DESC""")
                .param(Timestamp.from(now))
                .query((rs, n) -> new Row(rs.getString("kid"), rs.getBytes("public_key"), rs.getBytes("sealed_private"),
                        rs.getString("kek_id"), rs.getBoolean("active")))
                .list();
        RSAKey active = null;
        List<JWK> published = new ArrayList<>();
        for (Row row : rows) {
            if (row.active()) {
                if (!row.kekId().equals(kek.id())) {
                    throw new IllegalStateException("Signing key " + row.kid() + " was sealed with key-encryption key " + row.kekId()
                            + ", but this node has " + kek.id() + ": set MERCATO_KEY_ENCRYPTION_KEY to the key the cluster uses");
                }
                active = toJwk(row.kid(), row.publicKey(), kek.open(row.sealedPrivate(), row.kid()));
                published.add(active);
            } else {
                // Retired keys only verify: their private half is never opened again.
                published.add(toJwk(row.kid(), row.publicKey(), null));
            }
        }
        return new Snapshot(active, List.copyOf(published), now);
    }

    private void insert(RSAKey key, Instant now) {
        jdbc.sql("""
                        INSERT INTO public.oauth_signing_keys (kid, algorithm, public_key, sealed_private, kek_id, created_at, active)
                        VALUES (?, 'RS256', ?, ?, ?, ?, true)""")
                .params(key.getKeyID(), publicBytes(key), kek.seal(privateBytes(key), key.getKeyID()), kek.id(), Timestamp.from(now))
                .update();
    }

    private static RSAKey newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .build();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
    }

    private static byte[] publicBytes(RSAKey key) {
        try {
            return key.toRSAPublicKey().getEncoded();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] privateBytes(RSAKey key) {
        try {
            return key.toRSAPrivateKey().getEncoded();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey toJwk(String kid, byte[] publicKey, byte[] privateKey) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAKey.Builder builder = new RSAKey.Builder((RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(publicKey)))
                    .keyID(kid)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256);
            if (privateKey != null) {
                builder.privateKey((RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(privateKey)));
                Arrays.fill(privateKey, (byte) 0);
            }
            return builder.build();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Stored signing key " + kid + " cannot be read", e);
        }
    }

    private record Row(String kid, byte[] publicKey, byte[] sealedPrivate, String kekId, boolean active) {
    }

    private record Snapshot(RSAKey active, List<JWK> published, Instant loadedAt) {
    }
}

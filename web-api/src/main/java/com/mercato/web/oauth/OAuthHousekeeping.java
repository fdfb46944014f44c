package com.mercato.web.oauth;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.mercato.core.scheduling.ClusterLock;
import com.mercato.web.oauth.keys.SigningKeys;

/**
 * Keeps the authorization server's tables small and its keys fresh, on one node at a time:
 * drops authorizations whose every token has expired (each client-credentials token makes one)
 * and requests nobody finished, rotates the signing key when it is older than its maximum age,
 * and deletes retired keys long unpublished.
 */
@Component
class OAuthHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(OAuthHousekeeping.class);
    private static final Duration UNFINISHED_REQUESTS_KEPT = Duration.ofHours(1);
    private static final Duration RETIRED_KEYS_KEPT = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final SigningKeys keys;
    private final ClusterLock lock;
    private final Clock clock;
    private final Duration signingKeyMaxAge;

    OAuthHousekeeping(JdbcClient jdbc, SigningKeys keys, ClusterLock lock, Clock clock,
                      @Value("${mercato.oauth.signing-key-max-age:P90D}") Duration signingKeyMaxAge) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.lock = lock;
        this.clock = clock;
        this.signingKeyMaxAge = signingKeyMaxAge;
    }

    @Scheduled(fixedDelayString = "${mercato.oauth.housekeeping-interval:PT1H}", initialDelayString = "${mercato.oauth.housekeeping-interval:PT1H}")
    void run() {
        lock.runExclusively("oauth-housekeeping", () -> {
            int swept = sweepAuthorizations();
            boolean rotated = keys.rotateIfOlderThan(signingKeyMaxAge);
            int deletedKeys = keys.deleteRetiredBefore(clock.instant().minus(RETIRED_KEYS_KEPT));
            if (swept > 0 || rotated || deletedKeys > 0) {
                log.info("OAuth housekeeping: {} spent authorizations removed, signing key rotated: {}, {} retired keys deleted",
                        swept, rotated, deletedKeys);
            }
        });
    }

    /** Removes authorizations with nothing left alive in them; returns how many. */
    int sweepAuthorizations() {
        Instant now = clock.instant();
        return jdbc.sql("""
                        DELETE FROM public.oauth2_authorization
                        WHERE ((authorization_code_expires_at IS NOT NULL OR access_token_expires_at IS NOT NULL
                                OR refresh_token_expires_at IS NOT NULL OR oidc_id_token_expires_at IS NOT NULL)
                               AND coalesce(authorization_code_expires_at, '-infinity') < ?
                               AND coalesce(access_token_expires_at, '-infinity') < ?
                               AND coalesce(refresh_token_expires_at, '-infinity') < ?
                               AND coalesce(oidc_id_token_expires_at, '-infinity') < ?)
                           OR (authorization_code_value IS NULL AND access_token_value IS NULL AND created_at < ?)""")
                .params(Timestamp.from(now), Timestamp.from(now), Timestamp.from(now), Timestamp.from(now),
                        Timestamp.from(now.minus(UNFINISHED_REQUESTS_KEPT)))
                .update();
    }
}

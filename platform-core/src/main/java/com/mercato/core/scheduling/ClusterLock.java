package com.mercato.core.scheduling;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.ByteBuffer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a piece of scheduled work on one node at a time: the work runs inside a platform
 * transaction that holds a PostgreSQL transaction-level advisory lock named after the job.
 * A node that finds the lock taken skips this round, it does not queue behind it.
 */
@Component
public class ClusterLock {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    ClusterLock(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Runs the work if no other node runs the same job now; tells whether it ran. */
    public boolean runExclusively(String job, Runnable work) {
        Boolean ran = transactions.execute(status -> {
            boolean locked = jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(keyOf(job)).query(Boolean.class).single();
            if (!locked) {
                return false;
            }
            work.run();
            return true;
        });
        return Boolean.TRUE.equals(ran);
    }

    static long keyOf(String job) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("mercato.job." + job).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

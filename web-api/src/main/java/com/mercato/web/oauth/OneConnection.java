package com.mercato.web.oauth;

import java.util.function.Supplier;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a call to Spring's JDBC OAuth2 stores in one platform transaction, so on one connection.
 *
 * <p>Both the authorization store and the consent store read the registered client from inside their
 * row mappers, while their own result set is still open. Outside a transaction, that takes a second
 * pooled connection while holding the first. Concurrent calls holding the rest of the pool then all
 * wait for a second connection that none of them frees. The tenant-read bench with bearer tokens (16
 * concurrent reads, a pool of 10) stalled on it: 63 reads/s, 5-second pool timeouts, and 500s.
 */
final class OneConnection {

    private final TransactionTemplate writes;
    private final TransactionTemplate reads;

    OneConnection(PlatformTransactionManager platformTransactions) {
        this.writes = new TransactionTemplate(platformTransactions);
        this.reads = new TransactionTemplate(platformTransactions);
        this.reads.setReadOnly(true);
    }

    <T> T read(Supplier<T> call) {
        return reads.execute(status -> call.get());
    }

    void write(Runnable call) {
        writes.executeWithoutResult(status -> call.run());
    }
}

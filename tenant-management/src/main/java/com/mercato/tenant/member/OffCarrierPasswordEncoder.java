package com.mercato.tenant.member;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Runs password hashing on a few platform threads instead of the request's virtual thread. A hash
 * is deliberately slow CPU work that never yields: on virtual threads, a burst of logins would hold
 * every carrier, and requests holding a database connection could not run until the pool timed
 * out (seen in the login benchmark: half of 200 simultaneous logins failed). Here the operating
 * system shares the cores between hashing and everything else, and waiting logins just park.
 */
final class OffCarrierPasswordEncoder implements PasswordEncoder, AutoCloseable {

    private final PasswordEncoder delegate;
    private final ExecutorService hashing;

    OffCarrierPasswordEncoder(PasswordEncoder delegate, ExecutorService hashing) {
        this.delegate = delegate;
        this.hashing = hashing;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return await(() -> delegate.encode(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return await(() -> delegate.matches(rawPassword, encodedPassword));
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    /** Spring calls it when the context closes. */
    @Override
    public void close() {
        hashing.shutdownNow();
    }

    private <T> T await(Callable<T> work) {
        Future<T> result = hashing.submit(work);
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while hashing a password", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}

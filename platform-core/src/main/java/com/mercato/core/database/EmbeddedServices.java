package com.mercato.core.database;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.beans.factory.DisposableBean;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** Owns the embedded servers the application started, and stops them after everything else. */
public final class EmbeddedServices implements DisposableBean {

    private final List<AutoCloseable> started = new ArrayList<>();
    private EmbeddedPostgres postgres;

    synchronized EmbeddedPostgres postgres(Supplier<EmbeddedPostgres> start) {
        if (postgres == null) {
            postgres = start.get();
            started.add(postgres);
        }
        return postgres;
    }

    public synchronized void register(AutoCloseable server) {
        started.add(server);
    }

    @Override
    public synchronized void destroy() throws IOException {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                throw new IOException("Cannot stop an embedded server", e);
            }
        }
        started.clear();
    }
}

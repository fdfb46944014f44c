package com.mercato.web.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;

/** Connections a test takes out of one of the application's pools, to see it with fewer or none free. */
public final class HeldConnections implements AutoCloseable {

    private final List<Connection> held = new ArrayList<>();

    private HeldConnections() {
    }

    /** Leaves {@code free} connections of the pool to the application. */
    public static HeldConnections allBut(HikariDataSource pool, int free) throws SQLException {
        HeldConnections connections = new HeldConnections();
        try {
            while (connections.held.size() < pool.getMaximumPoolSize() - free) {
                connections.held.add(pool.getConnection());
            }
        } catch (SQLException | RuntimeException e) {
            connections.close();
            throw e;
        }
        return connections;
    }

    @Override
    public void close() throws SQLException {
        for (Connection connection : held) {
            connection.close();
        }
        held.clear();
    }
}

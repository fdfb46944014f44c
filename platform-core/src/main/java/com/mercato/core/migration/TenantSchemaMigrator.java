package com.mercato.core.migration;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mercato.core.database.DatabaseCoordinates;
import com.mercato.core.tenancy.TenantSchema;

import liquibase.Scope;
import liquibase.UpdateSummaryEnum;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Creates and migrates one tenant schema with the tenant changelog. Each run gets its own
 * connection, its own Liquibase {@link Database} and its own {@link Scope}, so runs for
 * different schemas share no Liquibase state and may go in parallel.
 */
public class TenantSchemaMigrator {

    public static final String CHANGELOG = "db/tenant/changelog.xml";
    private static final Logger log = LoggerFactory.getLogger(TenantSchemaMigrator.class);

    static {
        System.setProperty("liquibase.analytics.enabled", "false");
    }

    private final DatabaseCoordinates database;
    private final ClassLoader classLoader;

    public TenantSchemaMigrator(DatabaseCoordinates database) {
        this.database = database;
        this.classLoader = TenantSchemaMigrator.class.getClassLoader();
    }

    /** Creates the schema if it is missing and brings it to the latest tenant changelog. */
    public void migrate(TenantSchema schema) {
        try (Connection connection = connect()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema.quoted());
                statement.execute("SET search_path TO " + schema.quoted());
            }
            Database liquibaseDatabase = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            liquibaseDatabase.setDefaultSchemaName(schema.name());
            liquibaseDatabase.setLiquibaseSchemaName(schema.name());
            liquibaseDatabase.setOutputDefaultSchema(true);
            Scope.child(Map.of(
                    Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(classLoader),
                    Scope.Attr.classLoader.name(), classLoader), () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, liquibaseDatabase)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                    .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY, UpdateSummaryEnum.OFF)
                    .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                    .execute());
        } catch (Exception e) {
            throw new SchemaMigrationFailed(schema, e);
        }
    }

    /** Drops the schema and everything in it. */
    public void drop(TenantSchema schema) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema.quoted() + " CASCADE");
            log.info("Dropped schema {}", schema);
        } catch (SQLException e) {
            throw new SchemaMigrationFailed(schema, e);
        }
    }

    protected Connection connect() throws SQLException {
        return DriverManager.getConnection(database.url(), database.username(), database.password());
    }
}

package dev.tpmconsole.model.orm;

import dev.tpmconsole.model.entity.ZStackEntities;
import dev.tpmconsole.model.schema.DatabaseKind;
import dev.tpmconsole.model.source.Source;
import java.sql.Connection;
import java.sql.SQLException;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Builds a Hibernate SessionFactory over a {@link Source}: the entities of its layout, the community SQLite
 * dialect for snapshots and the MariaDB dialect for live databases, connections from the source (so its
 * read-only mode and thread guard hold), no schema generation and no metadata access at boot.
 */
public final class Orm {

    private Orm() {
    }

    public static SessionFactory sessionFactory(Source source) {
        return sessionFactory(source, null);
    }

    /** As {@link #sessionFactory(Source)}, with an inspector that sees every SQL statement (tests use it). */
    public static SessionFactory sessionFactory(Source source, StatementInspector inspector) {
        Configuration cfg = new Configuration();
        ZStackEntities.forLayout(source.layout()).forEach(cfg::addAnnotatedClass);
        cfg.setProperty(AvailableSettings.DIALECT, source.kind() == DatabaseKind.SQLITE
                ? "org.hibernate.community.dialect.SQLiteDialect" : "org.hibernate.dialect.MariaDBDialect");
        cfg.setProperty(AvailableSettings.HBM2DDL_AUTO, "none");
        cfg.setProperty("hibernate.boot.allow_jdbc_metadata_access", "false");
        cfg.setProperty(AvailableSettings.SHOW_SQL, "false");
        cfg.setProperty(AvailableSettings.STATEMENT_BATCH_SIZE, "100");
        cfg.getProperties().put(AvailableSettings.CONNECTION_PROVIDER, new SourceConnectionProvider(source));
        if (inspector != null) {
            cfg.setStatementInspector(inspector);
        }
        return cfg.buildSessionFactory();
    }

    /** Hands Hibernate the source's own connections. */
    static final class SourceConnectionProvider implements ConnectionProvider {
        private final transient Source source;

        SourceConnectionProvider(Source source) {
            this.source = source;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return source.connection();
        }

        @Override
        public void closeConnection(Connection connection) throws SQLException {
            connection.close();
        }

        @Override
        public boolean supportsAggressiveRelease() {
            return false;
        }

        @Override
        public boolean isUnwrappableAs(Class<?> unwrapType) {
            return false;
        }

        @Override
        public <T> T unwrap(Class<T> unwrapType) {
            throw new UnsupportedOperationException("cannot unwrap to " + unwrapType);
        }
    }
}

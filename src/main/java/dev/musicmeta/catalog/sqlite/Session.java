package dev.musicmeta.catalog.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.Function;
import org.sqlite.ProgressHandler;
import org.sqlite.SQLiteConfig;

/**
 * One read-only connection with its statements prepared once. Used by one request at a time
 * (see {@link SessionPool}).
 *
 * <p>Opening: the main file by URI with {@code mode=ro} (never created, never written, no
 * journal) and, by default, {@code immutable=1}: the snapshot does not change while served, so
 * SQLite skips the file lock and the change check that would otherwise start every statement
 * (each is its own read transaction in autocommit mode), and creates no {@code -wal}/{@code -shm}
 * files beside a WAL-mode file (which {@code mode=ro} alone does).
 *
 * <p>track_files is ATTACHed to the same connection the same way rather than given its own
 * pool: one request holds one connection, every statement shape is prepared once, and two pools
 * can never deadlock each other. {@code query_only} is set as a second lock on the door. Reads
 * go through mmap; the page cache stays small, since mapped pages are the kernel's file cache
 * and not process memory.
 */
final class Session implements AutoCloseable {

    private final Connection connection;
    /** Each statement's set form at {@code 2 * ordinal}, its single-key form next to it. */
    private final PreparedStatement[] statements = new PreparedStatement[2 * Sql.values().length];
    private final StatementCounter counter;
    private final NameMatchFunction nameMatch = new NameMatchFunction();
    private final boolean hasTrackFiles;

    private Session(Connection connection, StatementCounter counter, boolean hasTrackFiles) {
        this.connection = connection;
        this.counter = counter;
        this.hasTrackFiles = hasTrackFiles;
    }

    /**
     * Opens a connection on files that passed {@link FileChecks}; the caller checks the schema.
     *
     * @throws CatalogFileException naming the file SQLite refused
     */
    static Session open(CatalogFiles files, SqliteOptions options, StatementCounter counter)
            throws CatalogFileException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        Connection connection;
        try {
            connection = config.createConnection(CatalogFiles.readOnlyJdbcUrl(files.main(), options.immutable()));
        } catch (SQLException e) {
            throw new CatalogFileException(files.main() + ": cannot be opened: " + FileChecks.oneLine(e.getMessage()));
        }
        Session session = new Session(connection, counter, files.trackFiles() != null);
        try {
            if (files.trackFiles() != null) {
                try (PreparedStatement attach = connection.prepareStatement("ATTACH DATABASE ? AS tf")) {
                    attach.setString(1, CatalogFiles.readOnlyUri(files.trackFiles(), options.immutable()));
                    counter.increment();
                    attach.execute();
                } catch (SQLException e) {
                    throw new CatalogFileException(files.trackFiles() + ": cannot be opened: "
                            + FileChecks.oneLine(e.getMessage()));
                }
            }
            session.execute("PRAGMA query_only = 1");
            // Unqualified, mmap_size applies to every attached file.
            session.execute("PRAGMA mmap_size = " + options.mmapBytes());
            session.execute("PRAGMA main.cache_size = -" + options.pageCacheKib());
            if (files.trackFiles() != null) {
                session.execute("PRAGMA tf.cache_size = -" + options.pageCacheKib());
            }
            Function.create(connection, NameMatchFunction.NAME, session.nameMatch, 1, 0);
            return session;
        } catch (SQLException e) {
            session.close();
            throw new CatalogFileException(files.main() + ": cannot be opened: " + FileChecks.oneLine(e.getMessage()));
        } catch (CatalogFileException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    Connection connection() {
        return connection;
    }

    /** Prepares {@code sql} now (both forms of a set-keyed one); once per connection. */
    void prepare(Sql sql) throws SQLException {
        statement(sql, false);
        if (sql.takesKeySet()) {
            statement(sql, true);
        }
    }

    /** Runs a set-keyed statement: its single-key form for one key. */
    ResultSet query(Sql sql, KeySet keys) throws SQLException {
        PreparedStatement statement;
        if (keys.single() == null) {
            statement = statement(sql, false);
            statement.setString(1, keys.array());
        } else {
            statement = statement(sql, true);
            if (keys.single() instanceof Long key) {
                statement.setLong(1, key);
            } else {
                statement.setString(1, (String) keys.single());
            }
        }
        counter.increment();
        return statement.executeQuery();
    }

    /** Runs a statement with one text parameter. */
    ResultSet query(Sql sql, String parameter) throws SQLException {
        PreparedStatement statement = statement(sql, false);
        statement.setString(1, parameter);
        counter.increment();
        return statement.executeQuery();
    }

    /** Runs a statement with one integer parameter. */
    ResultSet query(Sql sql, long key) throws SQLException {
        PreparedStatement statement = statement(sql, false);
        statement.setLong(1, key);
        counter.increment();
        return statement.executeQuery();
    }

    /** Runs a page statement: the rows of rowid above {@code after} and at most {@code last}. */
    ResultSet query(Sql sql, long after, long last) throws SQLException {
        PreparedStatement statement = statement(sql, false);
        statement.setLong(1, after);
        statement.setLong(2, last);
        counter.increment();
        return statement.executeQuery();
    }

    /** Runs a statement without parameters. */
    ResultSet query(Sql sql) throws SQLException {
        counter.increment();
        return statement(sql, false).executeQuery();
    }

    private PreparedStatement statement(Sql sql, boolean singleKey) throws SQLException {
        int slot = 2 * sql.ordinal() + (singleKey ? 1 : 0);
        PreparedStatement statement = statements[slot];
        if (statement == null) {
            statement = connection.prepareStatement(sql.text(hasTrackFiles, singleKey));
            statements[slot] = statement;
        }
        return statement;
    }

    /** Runs a statement outside the prepared set (start-up checks, pragmas); counted too. */
    void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            counter.increment();
            statement.execute(sql);
        }
    }

    /** The clock at a statement's start, for {@link #finished}; 0 when statements are not timed. */
    long clock() {
        return counter.start();
    }

    /** Times a statement of kind {@code sql}, read to its end (or failed), that started at {@link #clock()}. */
    void finished(Sql sql, long started) {
        counter.stop(sql, started);
    }

    /** Counts a statement run directly on {@link #connection()}. */
    void countOne() {
        counter.increment();
    }

    NameMatchFunction nameMatch() {
        return nameMatch;
    }

    /** Interrupts the running statement once {@code handler} says so; {@code null} clears it. */
    void progressHandler(int everyOps, ProgressHandler handler) throws SQLException {
        if (handler == null) {
            ProgressHandler.clearHandler(connection);
        } else {
            ProgressHandler.setHandler(connection, everyOps, handler);
        }
    }

    /**
     * Drops every prepared statement; they are prepared again on next use. Called after a failed
     * request: sqlite-jdbc finalizes a statement whose step fails (an interrupt, an I/O error),
     * leaving the cached object unusable though not marked closed.
     */
    void discardStatements() {
        for (int i = 0; i < statements.length; i++) {
            if (statements[i] != null) {
                try {
                    statements[i].close();
                } catch (SQLException ignored) {
                    // dropped anyway
                }
                statements[i] = null;
            }
        }
    }

    @Override
    public void close() {
        discardStatements();
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing left to release
        }
    }
}

package dev.musicmeta.catalog.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.Function;
import org.sqlite.ProgressHandler;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

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
 * are {@code pread}s into SQLite's page cache, not memory-mapped ({@link SqliteOptions#mmapBytes()}),
 * so a file damaged while served is an SQLite error and never a signal; that page cache stays
 * small, since the kernel's page cache holds the files anyway.
 */
final class Session implements AutoCloseable {

    private final CatalogFiles files;
    private final SqliteOptions options;
    /** Null after {@link #reset()}, until the next use opens a new one. */
    private Connection connection;
    /** Each statement's set form at {@code 2 * ordinal}, its single-key form next to it. */
    private final PreparedStatement[] statements = new PreparedStatement[2 * Sql.values().length];
    private final StatementCounter counter;
    private final NameMatchFunction nameMatch = new NameMatchFunction();
    private final boolean hasTrackFiles;
    /** The {@link SessionPool#generation()} this connection was opened in. */
    private int generation;

    private Session(CatalogFiles files, SqliteOptions options, StatementCounter counter) {
        this.files = files;
        this.options = options;
        this.counter = counter;
        this.hasTrackFiles = files.trackFiles() != null;
    }

    /**
     * Opens a connection on files that passed {@link FileChecks}; the caller checks the schema.
     *
     * @throws CatalogFileException naming the file SQLite refused
     */
    static Session open(CatalogFiles files, SqliteOptions options, StatementCounter counter)
            throws CatalogFileException {
        Session session = new Session(files, options, counter);
        session.connection = session.connect();
        return session;
    }

    private Connection connect() throws CatalogFileException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        Connection opened;
        try {
            opened = config.createConnection(CatalogFiles.readOnlyJdbcUrl(files.main(), options.immutable()));
        } catch (SQLException e) {
            throw new CatalogFileException(files.main() + ": cannot be opened: " + FileChecks.oneLine(e.getMessage()));
        }
        try {
            // The main file's schema first: a damaged main file must be named as such, not as the
            // file being attached when SQLite first reads the schema (ATTACH reads both).
            run(opened, "SELECT count(*) FROM main.sqlite_master", files.main());
            if (files.trackFiles() != null) {
                try (PreparedStatement attach = opened.prepareStatement("ATTACH DATABASE ? AS tf")) {
                    attach.setString(1, CatalogFiles.readOnlyUri(files.trackFiles(), options.immutable()));
                    counter.increment();
                    attach.execute();
                } catch (SQLException e) {
                    throw new CatalogFileException(files.trackFiles() + ": cannot be opened: "
                            + FileChecks.oneLine(e.getMessage()));
                }
                run(opened, "SELECT count(*) FROM tf.sqlite_master", files.trackFiles());
            }
            run(opened, "PRAGMA query_only = 1", files.main());
            // Unqualified, mmap_size applies to every attached file.
            run(opened, "PRAGMA mmap_size = " + options.mmapBytes(), files.main());
            run(opened, "PRAGMA main.cache_size = -" + options.pageCacheKib(), files.main());
            if (files.trackFiles() != null) {
                run(opened, "PRAGMA tf.cache_size = -" + options.pageCacheKib(), files.trackFiles());
            }
            Function.create(opened, NameMatchFunction.NAME, nameMatch, 1, 0);
            return opened;
        } catch (SQLException e) {
            close(opened);
            throw new CatalogFileException(files.main() + ": cannot be opened: " + FileChecks.oneLine(e.getMessage()));
        } catch (CatalogFileException | RuntimeException e) {
            close(opened);
            throw e;
        }
    }

    /** Runs one statement of opening; a failure names {@code file}. */
    private void run(Connection opened, String sql, java.nio.file.Path file) throws CatalogFileException {
        try (Statement statement = opened.createStatement()) {
            counter.increment();
            statement.execute(sql);
        } catch (SQLException e) {
            throw new CatalogFileException(file + ": cannot be read as an SQLite database: "
                    + FileChecks.oneLine(e.getMessage()));
        }
    }

    /**
     * The connection, opened anew on the first use after a {@link #reset()}.
     *
     * @throws SQLException (SQLITE_CANTOPEN) when it cannot be opened again
     */
    Connection connection() throws SQLException {
        if (connection == null) {
            try {
                connection = connect();
            } catch (CatalogFileException e) {
                throw new SQLiteException(e.getMessage(), SQLiteErrorCode.SQLITE_CANTOPEN);
            }
        }
        return connection;
    }

    /**
     * Closes the connection; the next use opens a new one. After a file fault: a connection
     * keeps the pages it read in its cache, and with {@code immutable=1} never checks whether the
     * file changed, so only a new connection reads a repaired or replaced file afresh.
     */
    void reset() {
        discardStatements();
        if (connection != null) {
            close(connection);
            connection = null;
        }
    }

    /** Whether its connection is open now. */
    boolean opened() {
        return connection != null;
    }

    int generation() {
        return generation;
    }

    void generation(int generation) {
        this.generation = generation;
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

    /** Runs a statement with text parameters, any of them NULL. */
    ResultSet query(Sql sql, String... parameters) throws SQLException {
        PreparedStatement statement = statement(sql, false);
        for (int i = 0; i < parameters.length; i++) {
            statement.setString(i + 1, parameters[i]);
        }
        counter.increment();
        return statement.executeQuery();
    }

    /** Runs a statement with text parameters, any of them NULL, then two integers. */
    ResultSet query(Sql sql, String[] parameters, long first, long last) throws SQLException {
        PreparedStatement statement = statement(sql, false);
        for (int i = 0; i < parameters.length; i++) {
            statement.setString(i + 1, parameters[i]);
        }
        statement.setLong(parameters.length + 1, first);
        statement.setLong(parameters.length + 2, last);
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
            statement = connection().prepareStatement(sql.text(hasTrackFiles, singleKey));
            statements[slot] = statement;
        }
        return statement;
    }

    /** Runs a statement outside the prepared set (start-up checks, pragmas); counted too. */
    void execute(String sql) throws SQLException {
        try (Statement statement = connection().createStatement()) {
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
            ProgressHandler.clearHandler(connection());
        } else {
            ProgressHandler.setHandler(connection(), everyOps, handler);
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
        reset();
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing left to release
        }
    }
}

package dev.musicmeta.http;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;

/** Plain SQL over a catalog file, read-only, so tests take their expectations from the data. */
final class Sql {

    private Sql() {}

    /** Every row of the query's first column. */
    static List<Object> column(Path db, String sql, Object... args) {
        List<Object> out = new ArrayList<>();
        for (Object[] row : rows(db, sql, args)) {
            out.add(row[0]);
        }
        return out;
    }

    /** The single value the query yields. */
    static Object value(Path db, String sql, Object... args) {
        List<Object[]> rows = rows(db, sql, args);
        if (rows.size() != 1) {
            throw new IllegalStateException(sql + " gave " + rows.size() + " rows");
        }
        return rows.get(0)[0];
    }

    static List<Object[]> rows(Path db, String sql, Object... args) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = config.createConnection("jdbc:sqlite:" + db.toAbsolutePath());
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            List<Object[]> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    out.add(row);
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}

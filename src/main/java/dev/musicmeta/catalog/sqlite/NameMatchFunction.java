package dev.musicmeta.catalog.sqlite;

import java.sql.SQLException;
import org.sqlite.Function;

/**
 * The SQL function {@code mm_name_match(name)}: the {@link TextFold} rank of a name against the
 * query of the running search, 0 when it does not match. SQLite's own LIKE and lower() fold ASCII
 * only, and LIKE would need its wildcards escaped; this matches the query as plain text.
 * One instance per connection, set before each search; not deterministic (its query changes),
 * so SQLite never reuses a result across statements.
 */
final class NameMatchFunction extends Function {

    static final String NAME = "mm_name_match";

    private volatile String foldedQuery = "";

    void query(String foldedQuery) {
        this.foldedQuery = foldedQuery;
    }

    @Override
    protected void xFunc() throws SQLException {
        String name = value_text(0);
        result(name == null ? TextFold.NO_MATCH : TextFold.rank(name, foldedQuery));
    }
}

package dev.musicmeta.catalog.sqlite;

import dev.musicmeta.catalog.Isrcs;
import dev.musicmeta.catalog.SearchHits;
import dev.musicmeta.catalog.SearchKind;
import dev.musicmeta.catalog.SearchRequest;
import dev.musicmeta.catalog.Upcs;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key filters of a search without the search index: {@code isrc:} (tracks) and {@code upc:}
 * (tracks: their album's; albums), which the files' own indexes answer exactly, so they work
 * without the search index as with it. The rest of the query, if any, must then match the name
 * as the fallback scan matches it (a substring, case-insensitively). Bounded by the rows of one
 * ISRC or UPC: no scan.
 *
 * @param rest the query without the filter, folded; empty when the filter is the whole query
 */
record KeyFilter(Sql sql, String key, String rest) {

    /** A filter word: {@code isrc:} or {@code upc:} and its value, quoted or not. */
    private static final Pattern FILTER = Pattern.compile("(?i)(?<=^|\\s)(isrc|upc):(\"[^\"]*\"|\\S+)");

    /** Best first: the name's match (when the query has words beside the filter), popularity, rowid. */
    private static final Comparator<Hit> BEST_FIRST = Comparator.comparingInt(Hit::rank)
            .thenComparing(Hit::popularity, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparingLong(Hit::rowid);

    private record Hit(long rowid, Integer popularity, int rank) {}

    /** The statement of each filter: the rows it selects, with their popularity and name. */
    static String select(String table, String where) {
        String alias = table.substring(0, 1);
        return "SELECT " + alias + ".rowid, " + alias + ".popularity, " + NameMatchFunction.NAME + "(" + alias
                + ".name) FROM " + table + " " + alias + " WHERE " + where;
    }

    /** The first key filter of {@code q} that applies to {@code kind} and is well formed, or {@code null}. */
    static KeyFilter of(SearchKind kind, String q) {
        Matcher m = FILTER.matcher(q);
        while (m.find()) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            String value = m.group(2).replace("\"", "");
            String rest = TextFold.fold(SearchRequest.trim(q.substring(0, m.start()) + " " + q.substring(m.end())));
            if (name.equals("isrc") && kind == SearchKind.TRACKS) {
                String isrc = Isrcs.tryNormalize(value);
                if (isrc != null) {
                    return new KeyFilter(Sql.FILTER_TRACKS_BY_ISRC, isrc, rest);
                }
            } else if (name.equals("upc") && kind != SearchKind.ARTISTS) {
                String upc = Upcs.tryNormalize(value);
                if (upc != null && value.replaceAll("[ -]", "").length() <= Upcs.MAX_DIGITS) {
                    String forms = KeySet.arrayOfStrings(Upcs.forms(upc));
                    return new KeyFilter(kind == SearchKind.TRACKS ? Sql.FILTER_TRACKS_BY_UPC : Sql.FILTER_ALBUMS_BY_UPC,
                            forms, rest);
                }
            }
        }
        return null;
    }

    /** The page of {@code request} among the rows of the key, with their exact count. */
    SearchHits run(Session session, SearchRequest request) throws SQLException {
        session.nameMatch().query(rest);
        List<Hit> hits = new ArrayList<>();
        try (ResultSet rs = session.query(sql, key)) {
            while (rs.next()) {
                int rank = rest.isEmpty() ? 0 : rs.getInt(3);
                if (rest.isEmpty() || rank > 0) {
                    hits.add(new Hit(rs.getLong(1), Values.popularity(Values.integer(rs, 2)), rank));
                }
            }
        }
        hits.sort(BEST_FIRST);
        int from = Math.min(request.offset(), hits.size());
        int to = Math.min(hits.size(), from + request.limit());
        long[] page = new long[to - from];
        for (int i = from; i < to; i++) {
            page[i - from] = hits.get(i).rowid();
        }
        return new SearchHits(page, (long) hits.size());
    }
}

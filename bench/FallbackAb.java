import java.lang.management.*;
import java.lang.reflect.*;
import java.net.*;
import java.nio.file.*;
import java.sql.*;
import java.util.*;

/**
 * The fallback scan's statement of two jars side by side in one JVM, for a machine too busy for
 * two servers in turn to be compared: each jar in a class loader of its own (its sqlite-jdbc too),
 * each query of the mix run on A and on B one right after the other, RUNS times (alternating which
 * goes first), and the median of each taken, so that the load of the moment weighs on both alike.
 * Measures the thread CPU of executing the statement and reading every row it gives, as
 * {@code FallbackSearch} does (in builds that read a key a match, through its own {@code hit}), with the jar's own progress handler every OPS instructions (0: none),
 * beside a plain {@code name LIKE '%q%' ORDER BY popularity DESC LIMIT 20} on A's driver. Prints
 * each query, then p50, p90 and the total of each, and B/A per query.
 *
 * <pre>
 *   java -Xmx256m bench/FallbackAb.java MAIN_DATABASE QUERY_FILE COUNT RUNS JAR_A JAR_B [OPS_A OPS_B]
 * </pre>
 *
 * QUERY_FILE holds request paths as bench/search-queries.py writes them; the first COUNT word-only
 * track queries are used (filters need the index).
 */
public class FallbackAb {
    record Side(String name, Connection c, PreparedStatement scan, PreparedStatement escapedScan, Method escapes, Method of, Method fold, Method esc, Method params, Object match, Method matchQuery, Method hit, Object tracks) {}

    static Side side(String name, String jar, String db, int ops) throws Exception {
        URLClassLoader l = new URLClassLoader(new URL[] {Path.of(jar).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        Driver d = (Driver) Class.forName("org.sqlite.JDBC", true, l).getDeclaredConstructor().newInstance();
        Properties p = new Properties();
        p.setProperty("open_mode", "1");
        Connection c = d.connect("jdbc:sqlite:file:" + db + "?mode=ro&immutable=1", p);
        try (Statement s = c.createStatement()) { s.execute("PRAGMA cache_size=-512"); }
        Class<?> nm = Class.forName("dev.musicmeta.catalog.sqlite.NameMatchFunction", true, l);
        Constructor<?> k = nm.getDeclaredConstructor(); k.setAccessible(true);
        Object match = k.newInstance();
        Class<?> fn = Class.forName("org.sqlite.Function", true, l);
        fn.getMethod("create", Connection.class, String.class, fn).invoke(null, c, "mm_name_match", match);
        Method mq = nm.getDeclaredMethod("query", String.class); mq.setAccessible(true);
        if (ops > 0) {
            Class<?> dl = Class.forName("dev.musicmeta.catalog.sqlite.FallbackSearch$Deadline", true, l);
            Constructor<?> dk = dl.getDeclaredConstructor(java.time.Duration.class); dk.setAccessible(true);
            Object deadline = dk.newInstance(java.time.Duration.ofHours(1));
            Class<?> ph = Class.forName("org.sqlite.ProgressHandler", true, l);
            ph.getMethod("setHandler", Connection.class, int.class, ph).invoke(null, c, ops, deadline);
        }
        Class<?> sf = Class.forName("dev.musicmeta.catalog.sqlite.ScanFilter", true, l);
        Method of = sf.getDeclaredMethod("of", String.class); of.setAccessible(true);
        Method esc = sf.getDeclaredMethod("escapeLike", String.class); esc.setAccessible(true);
        Class<?> tf = Class.forName("dev.musicmeta.catalog.sqlite.TextFold", true, l);
        Method fold = tf.getDeclaredMethod("fold", String.class); fold.setAccessible(true);
        Class<?> fs = Class.forName("dev.musicmeta.catalog.sqlite.FallbackSearch", true, l);
        Method params = null;
        try { params = fs.getDeclaredMethod("parameters", sf, String.class); params.setAccessible(true); } catch (NoSuchMethodException e) {}
        // Builds that read a key a match (rank, popularity and rowid in one integer): hit() reads a row.
        Method hit = null;
        Object tracks = null;
        try {
            Class<?> kind = Class.forName("dev.musicmeta.catalog.SearchKind", true, l);
            hit = fs.getDeclaredMethod("hit", ResultSet.class, kind, String.class); hit.setAccessible(true);
            tracks = kind.getField("TRACKS").get(null);
            Method scan = fs.getDeclaredMethod("scan", String.class, String.class, boolean.class, boolean.class); scan.setAccessible(true);
            Method escapes = fs.getDeclaredMethod("escapes", String.class); escapes.setAccessible(true);
            return new Side(name, c, c.prepareStatement((String) scan.invoke(null, "tracks", "popularity", true, false)),
                    c.prepareStatement((String) scan.invoke(null, "tracks", "popularity", true, true)), escapes, of, fold, esc, params, match, mq, hit, tracks);
        } catch (NoSuchMethodException e) {
            Method scan = fs.getDeclaredMethod("scan", String.class, String.class); scan.setAccessible(true);
            PreparedStatement one = c.prepareStatement((String) scan.invoke(null, "tracks", "popularity"));
            return new Side(name, c, one, one, null, of, fold, esc, params, match, mq, null, null);
        }
    }

    static String[] parameters(Side s, String q) throws Exception {
        String f = (String) s.fold.invoke(null, q);
        Object filter = s.of.invoke(null, f);
        String e = (String) s.esc.invoke(null, f);
        s.matchQuery.invoke(s.match, f);
        if (s.params != null) return (String[]) s.params.invoke(null, filter, e);
        Class<?> r = filter.getClass();
        Method like = r.getDeclaredMethod("like"), glob = r.getDeclaredMethod("glob"), runs = r.getDeclaredMethod("runs");
        like.setAccessible(true); glob.setAccessible(true); runs.setAccessible(true);
        return new String[] {(String) like.invoke(filter), (String) glob.invoke(filter), (String) runs.invoke(filter), e, e + "%"};
    }

    static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    static double run(Side s, String q) throws Exception {
        String[] pa = parameters(s, q);
        PreparedStatement scan = s.escapes != null && (boolean) s.escapes.invoke(null, s.fold.invoke(null, q)) ? s.escapedScan : s.scan;
        long t0 = MX.getCurrentThreadCpuTime();
        for (int i = 0; i < pa.length; i++) scan.setString(i + 1, pa[i]);
        long n = 0;
        try (ResultSet rs = scan.executeQuery()) {
            if (s.hit != null) {
                String folded = (String) s.fold.invoke(null, q);
                while (rs.next()) { n += s.hit.invoke(null, rs, s.tracks, folded) == null ? 0 : 1; }
            } else {
                while (rs.next()) { n += rs.getInt(3) + rs.getLong(1); rs.getObject(2); }
            }
        }
        return (MX.getCurrentThreadCpuTime() - t0) / 1e6;
    }

    static double plain(PreparedStatement p, String like) throws Exception {
        long t0 = MX.getCurrentThreadCpuTime();
        p.setString(1, like);
        try (ResultSet rs = p.executeQuery()) { while (rs.next()) { rs.getLong(1); rs.getString(2); rs.getObject(3); } }
        return (MX.getCurrentThreadCpuTime() - t0) / 1e6;
    }

    public static void main(String[] a) throws Exception {
        List<String> qs = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(a[1]))) {
            if (!line.startsWith("/search/track?")) continue;
            String q = URLDecoder.decode(line.replaceAll(".*[?&]q=([^&]*).*", "$1"), "UTF-8");
            if (q.isBlank() || q.matches("(?i).*(artist|album|track|genre|year|isrc|upc):.*")) continue;
            qs.add(q.strip());
            if (qs.size() == Integer.parseInt(a[2])) break;
        }
        int runs = Integer.parseInt(a[3]);
        Side A = side("A", a[4], a[0], a.length > 6 ? Integer.parseInt(a[6]) : 0), B = side("B", a[5], a[0], a.length > 7 ? Integer.parseInt(a[7]) : 0);
        PreparedStatement plain = A.c.prepareStatement("SELECT rowid, name, popularity FROM tracks WHERE name LIKE ?1 ESCAPE '\\' ORDER BY popularity DESC LIMIT 20");
        List<double[]> med = new ArrayList<>();
        for (String q : qs) { run(A, q); run(B, q); }
        for (String q : qs) {
            double[][] t = new double[3][runs];
            String like = "%" + ((String) A.esc.invoke(null, A.fold.invoke(null, q))) + "%";
            for (int r = 0; r < runs; r++) {
                if (r % 2 == 0) { t[0][r] = run(A, q); t[1][r] = run(B, q); } else { t[1][r] = run(B, q); t[0][r] = run(A, q); }
                t[2][r] = plain(plain, like);
            }
            double[] m = new double[3];
            for (int i = 0; i < 3; i++) { Arrays.sort(t[i]); m[i] = t[i][runs / 2]; }
            med.add(m);
            System.out.printf("%-28s A %7.1f  B %7.1f  B/A %.2f  plain %7.1f%n", q, m[0], m[1], m[1] / m[0], m[2]);
        }
        for (int i = 0; i < 3; i++) {
            final int k = i;
            double[] v = med.stream().mapToDouble(m -> m[k]).sorted().toArray();
            System.out.printf("%s p50 %.1f p90 %.1f total %.0f%n", new String[] {"A", "B", "plain"}[i], v[v.length / 2], v[v.length * 9 / 10], Arrays.stream(v).sum());
        }
        double[] ratio = med.stream().mapToDouble(m -> m[1] / m[0]).sorted().toArray();
        System.out.printf("B/A per query: p50 %.3f, min %.2f, max %.2f%n", ratio[ratio.length / 2], ratio[0], ratio[ratio.length - 1]);
    }
}

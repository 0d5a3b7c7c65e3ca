import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The index part of a search with two builds side by side in one JVM, for a machine too busy for
 * two runs one after the other to be compared: each jar in a class loader of its own, each with
 * its own index reader and caches, each query of the mix (in its order, as a server meets it) run
 * on A and on B one right after the other, RUNS times (alternating which goes first), and the least
 * thread CPU of each taken, so that the load of the moment weighs on both alike. A first pass warms
 * both up. Also compares the pages (rowids and total) of the two: a query whose pages differ is
 * printed and counted.
 *
 * <pre>
 *   java -Xmx256m -XX:+UseSerialGC bench/SearchAb.java INDEX_FOLDER QUERY_FILE RUNS JAR_A JAR_B [SLOWEST]
 * </pre>
 *
 * QUERY_FILE holds request paths as bench/search-queries.py writes them. Prints the total, p50, p90
 * and p99 of each and B/A, then the SLOWEST (default 20) queries of A with B's figure beside them.
 */
public class SearchAb {

    record Side(Object index, Method search, Object[] kinds, Class<?> request, Method rowids, Method total) {

        Object run(int kind, String q, int limit, int offset) throws Exception {
            Object r = request.getConstructor(String.class, int.class, int.class).newInstance(q, limit, offset);
            return search.invoke(index, kinds[kind], r);
        }

        String page(Object hits) throws Exception {
            return Arrays.toString((long[]) rowids.invoke(hits)) + " " + total.invoke(hits);
        }
    }

    record Query(int kind, String q, int limit, int offset, String path) {}

    static Side side(String jar, Path index) throws Exception {
        URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(jar).toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
        Class<?> searchIndex = Class.forName("dev.musicmeta.search.SearchIndex", true, loader);
        Class<?> kind = Class.forName("dev.musicmeta.catalog.SearchKind", true, loader);
        Class<?> request = Class.forName("dev.musicmeta.catalog.SearchRequest", true, loader);
        Class<?> hits = Class.forName("dev.musicmeta.catalog.SearchHits", true, loader);
        Object opened = searchIndex.getMethod("open", Path.class, Duration.class).invoke(null, index, Duration.ofSeconds(60));
        Object[] kinds = new Object[] {kind.getField("TRACKS").get(null), kind.getField("ALBUMS").get(null),
                kind.getField("ARTISTS").get(null)};
        return new Side(opened, searchIndex.getMethod("search", kind, request), kinds, request,
                hits.getMethod("rowids"), hits.getMethod("total"));
    }

    public static void main(String[] args) throws Exception {
        Path index = Path.of(args[0]);
        List<Query> queries = new ArrayList<>();
        for (String path : Files.readAllLines(Path.of(args[1]))) {
            if (!path.isBlank()) {
                queries.add(parse(path));
            }
        }
        int runs = Integer.parseInt(args[2]);
        Side a = side(args[3], index);
        Side b = side(args[4], index);
        int slowest = args.length > 5 ? Integer.parseInt(args[5]) : 20;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        int n = queries.size();
        int differ = 0;
        for (Query q : queries) { // warm-up, and the pages compared
            String pa = a.page(a.run(q.kind(), q.q(), q.limit(), q.offset()));
            String pb = b.page(b.run(q.kind(), q.q(), q.limit(), q.offset()));
            if (!pa.equals(pb)) {
                differ++;
                System.out.println("pages differ: " + q.path() + "\n  A " + pa + "\n  B " + pb);
            }
        }
        double[] ta = new double[n];
        double[] tb = new double[n];
        Arrays.fill(ta, Double.MAX_VALUE);
        Arrays.fill(tb, Double.MAX_VALUE);
        for (int r = 0; r < runs; r++) {
            for (int i = 0; i < n; i++) {
                Query q = queries.get(i);
                for (int k = 0; k < 2; k++) {
                    boolean aFirst = (r + i) % 2 == 0;
                    Side s = (k == 0) == aFirst ? a : b;
                    long t0 = cpu.getCurrentThreadCpuTime();
                    s.run(q.kind(), q.q(), q.limit(), q.offset());
                    double ms = (cpu.getCurrentThreadCpuTime() - t0) / 1e6;
                    double[] t = s == a ? ta : tb;
                    t[i] = Math.min(t[i], ms);
                }
            }
        }
        double[] sa = ta.clone();
        double[] sb = tb.clone();
        Arrays.sort(sa);
        Arrays.sort(sb);
        System.out.printf("%d queries, %d runs, pages differ: %d%n", n, runs, differ);
        System.out.printf("%-4s %9s %7s %7s %7s %7s%n", "", "total ms", "p50", "p90", "p99", "max");
        System.out.printf("%-4s %9.1f %7.2f %7.2f %7.2f %7.2f%n", "A", sum(sa), at(sa, .5), at(sa, .9), at(sa, .99), sa[n - 1]);
        System.out.printf("%-4s %9.1f %7.2f %7.2f %7.2f %7.2f%n", "B", sum(sb), at(sb, .5), at(sb, .9), at(sb, .99), sb[n - 1]);
        System.out.printf("%-4s %9.3f %7.3f %7.3f %7.3f %7.3f%n", "B/A", sum(sb) / sum(sa), at(sb, .5) / at(sa, .5),
                at(sb, .9) / at(sa, .9), at(sb, .99) / at(sa, .99), sb[n - 1] / sa[n - 1]);
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (x, y) -> Double.compare(ta[y], ta[x]));
        double topA = 0;
        double topB = 0;
        for (int k = 0; k < Math.min(slowest, n); k++) {
            topA += ta[order[k]];
            topB += tb[order[k]];
            System.out.printf("%8.2f %8.2f  %s%n", ta[order[k]], tb[order[k]], queries.get(order[k]).q());
        }
        System.out.printf("A's slowest %d: A %.1f ms, B %.1f ms, B/A %.3f%n", Math.min(slowest, n), topA, topB, topB / topA);
    }

    private static double sum(double[] v) {
        return Arrays.stream(v).sum();
    }

    private static double at(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) (q * sorted.length))];
    }

    /** {@code /search/track?q=...&limit=...&offset=...}. */
    private static Query parse(String path) {
        int question = path.indexOf('?');
        int kind = switch (path.substring(0, question)) {
            case "/search/track" -> 0;
            case "/search/album" -> 1;
            case "/search/artist" -> 2;
            default -> throw new IllegalArgumentException(path);
        };
        String q = null;
        int limit = 20;
        int offset = 0;
        for (String pair : path.substring(question + 1).split("&")) {
            int eq = pair.indexOf('=');
            String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            switch (pair.substring(0, eq)) {
                case "q" -> q = value;
                case "limit" -> limit = Integer.parseInt(value);
                case "offset" -> offset = Integer.parseInt(value);
                default -> { }
            }
        }
        return new Query(kind, q, limit, offset, path);
    }
}

import dev.musicmeta.catalog.SearchHits;
import dev.musicmeta.catalog.SearchKind;
import dev.musicmeta.catalog.SearchRequest;
import dev.musicmeta.search.SearchIndex;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The index part of a search, in thread CPU time: each query of a mix (the request paths that
 * bench/search-queries.py writes, with their families beside them) searched on one thread
 * against an index opened in process, without HTTP or the catalog. CPU time of the calling
 * thread holds on a shared machine where wall-clock latency does not, so two builds can be
 * compared one after the other. Also writes each query's page (rowids and total) to a file, so
 * that two builds can be checked to answer the same pages ({@code cmp} or {@code diff}).
 *
 * Run from the repository: java -cp target/music-metadata-api.jar bench/SearchCpu.java
 *   INDEX_FOLDER QUERY_FILE [queries, default all] [passes, default 3] [pages out, default none]
 * A first pass warms up (compiled code, the page cache, the expansions cache); each query's
 * figure is its median over the passes after it. Prints p50, p90, p99 and the total per family
 * and overall, in ms of CPU, and the slowest queries.
 */
public class SearchCpu {

    record Query(String family, SearchKind kind, SearchRequest request, String path) {}

    public static void main(String[] args) throws Exception {
        Path index = Path.of(args[0]);
        Path file = Path.of(args[1]);
        List<String> paths = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
        List<String> families = Files.readAllLines(Path.of(file + ".families")).stream()
                .filter(l -> !l.isBlank()).toList();
        int n = args.length > 2 ? Math.min(Integer.parseInt(args[2]), paths.size()) : paths.size();
        int passes = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        List<Query> queries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            queries.add(parse(families.get(i), paths.get(i)));
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        try (SearchIndex searchIndex = SearchIndex.open(index, Duration.ofSeconds(60))) {
            List<SearchHits> pages = new ArrayList<>();
            for (Query q : queries) {
                pages.add(searchIndex.search(q.kind(), q.request()));
            }
            double[][] ms = new double[n][passes];
            for (int p = 0; p < passes; p++) {
                for (int i = 0; i < n; i++) {
                    Query q = queries.get(i);
                    long t0 = cpu.getCurrentThreadCpuTime();
                    searchIndex.search(q.kind(), q.request());
                    ms[i][p] = (cpu.getCurrentThreadCpuTime() - t0) / 1e6;
                }
            }
            double[] median = new double[n];
            Map<String, List<Double>> byFamily = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                double[] sorted = ms[i].clone();
                Arrays.sort(sorted);
                median[i] = sorted[sorted.length / 2];
                byFamily.computeIfAbsent(queries.get(i).family(), f -> new ArrayList<>()).add(median[i]);
                byFamily.computeIfAbsent("all", f -> new ArrayList<>()).add(median[i]);
            }
            System.out.printf("%-10s %6s %8s %8s %8s %9s%n", "family", "n", "p50", "p90", "p99", "total");
            byFamily.forEach((family, values) -> {
                double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                System.out.printf("%-10s %6d %8.2f %8.2f %8.2f %9.1f%n", family, v.length, at(v, 0.5), at(v, 0.9),
                        at(v, 0.99), Arrays.stream(v).sum());
            });
            Integer[] order = new Integer[n];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, (a, b) -> Double.compare(median[b], median[a]));
            for (int k = 0; k < Math.min(15, n); k++) {
                Query q = queries.get(order[k]);
                System.out.printf("%9.2f ms  %-10s %s%n", median[order[k]], q.family(), q.path());
            }
            if (args.length > 4) {
                try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[4])))) {
                    for (int i = 0; i < n; i++) {
                        SearchHits hits = pages.get(i);
                        out.println(queries.get(i).path() + "\t" + hits.total() + "\t" + Arrays.toString(hits.rowids()));
                    }
                }
            }
        }
    }

    private static double at(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) (q * sorted.length))];
    }

    /** {@code /search/track?q=...&limit=...&offset=...}. */
    private static Query parse(String family, String path) {
        int question = path.indexOf('?');
        SearchKind kind = switch (path.substring(0, question)) {
            case "/search/track" -> SearchKind.TRACKS;
            case "/search/album" -> SearchKind.ALBUMS;
            case "/search/artist" -> SearchKind.ARTISTS;
            default -> throw new IllegalArgumentException(path);
        };
        String q = null;
        int limit = SearchRequest.DEFAULT_LIMIT;
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
        return new Query(family, kind, new SearchRequest(q, limit, offset), path);
    }
}

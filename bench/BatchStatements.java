import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Where the catalog part of a batch of 400 ISRCs goes: each of its statements (the ISRCs' tracks,
 * the albums and the artists they need; the ISRCs' tracks both as every track whole and as a batch
 * reads them now, the best of an ISRC on several read by rowid after it) run alone in process on one connection opened as
 * the server opens one (read-only, immutable, pread, a page cache of 2 MiB per file), over 400
 * keys drawn at random from the catalog, in thread CPU milliseconds and read system calls
 * (/proc/thread-self/io syscr: one pread per 4 KiB page SQLite does not hold) per batch. The
 * statements' text is the jar's own (dev.musicmeta.catalog.sqlite.Sql), so two jars compare.
 *
 * Run from the repository: java -cp JAR bench/BatchStatements.java FOLDER [mmap bytes, default 0]
 * (FOLDER holds main_database.sqlite3 and track_files.sqlite3.) Prints four rounds of 50
 * batches per statement; the last ones are warm.
 */
public class BatchStatements {

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        long mmap = args.length > 1 ? Long.parseLong(args[1]) : 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + folder.resolve("main_database.sqlite3")
                + "?mode=ro&immutable=1")) {
            try (Statement s = c.createStatement()) {
                s.execute("ATTACH 'file:" + folder.resolve("track_files.sqlite3") + "?mode=ro&immutable=1' AS tf");
                s.execute("PRAGMA mmap_size = " + mmap);
                s.execute("PRAGMA main.cache_size = -2048");
                s.execute("PRAGMA tf.cache_size = -2048");
            }
            List<String> isrcs = keys(c, "SELECT external_id_isrc FROM tracks WHERE external_id_isrc IS NOT NULL"
                    + " AND rowid = ?", "tracks");
            run(c, "TRACKS_BY_ISRC", isrcs);
            run(c, "BEST_TRACKS_BY_ISRC", isrcs); // the statement of a batch since it reads only the best track whole
            run(c, "ALBUMS_BY_ROWID", keys(c, "SELECT album_rowid FROM tracks WHERE rowid = ?", "tracks"));
            run(c, "ARTISTS_BY_ROWID", keys(c, "SELECT artist_rowid FROM track_artists WHERE rowid = ?", "track_artists"));
        }
    }

    /** 20,000 keys from rows drawn at random. */
    static List<String> keys(Connection c, String sql, String table) throws Exception {
        long max;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT max(rowid) FROM " + table)) {
            max = rs.getLong(1);
        }
        List<String> keys = new ArrayList<>();
        Random random = new Random(1);
        try (PreparedStatement p = c.prepareStatement(sql)) {
            while (keys.size() < 20_000) {
                p.setLong(1, 1 + (long) (random.nextDouble() * max));
                try (ResultSet rs = p.executeQuery()) {
                    if (rs.next() && rs.getString(1) != null) {
                        keys.add(rs.getString(1));
                    }
                }
            }
        }
        return keys;
    }

    static void run(Connection c, String name, List<String> keys) throws Exception {
        Class<?> sql = Class.forName("dev.musicmeta.catalog.sqlite.Sql");
        Method text = sql.getDeclaredMethod("text", boolean.class, boolean.class);
        text.setAccessible(true);
        Object statement = null;
        for (Object constant : sql.getEnumConstants()) {
            if (constant.toString().equals(name)) {
                statement = constant;
            }
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        Random random = new Random(7);
        boolean numbers = !name.endsWith("TRACKS_BY_ISRC");
        if (statement == null) {
            System.out.println(name + ": not in this jar");
            return;
        }
        try (PreparedStatement p = c.prepareStatement((String) text.invoke(statement, true, false))) {
            for (int round = 1; round <= 4; round++) {
                long rows = 0;
                long chars = 0;
                long reads = reads();
                long t0 = cpu.getCurrentThreadCpuTime();
                for (int b = 0; b < 50; b++) {
                    StringBuilder array = new StringBuilder("[");
                    for (int i = 0; i < 400; i++) {
                        String key = keys.get(random.nextInt(keys.size()));
                        array.append(i == 0 ? "" : ",").append(numbers ? key : "\"" + key + "\"");
                    }
                    p.setString(1, array.append(']').toString());
                    try (ResultSet rs = p.executeQuery()) {
                        while (rs.next()) {
                            rows++;
                            chars += rs.getString(1).length();
                        }
                    }
                }
                System.out.printf("%s round %d: %.2f ms CPU, %d reads, %d rows, %d chars of JSON per batch%n", name,
                        round, (cpu.getCurrentThreadCpuTime() - t0) / 1e6 / 50, (reads() - reads) / 50, rows / 50,
                        chars / 50);
            }
        }
    }

    static long reads() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/thread-self/io"))) {
            if (line.startsWith("syscr:")) {
                return Long.parseLong(line.substring(6).trim());
            }
        }
        return 0;
    }
}

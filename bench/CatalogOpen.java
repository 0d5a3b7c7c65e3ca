import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.file.Path;

/**
 * What opening a catalog costs in a fresh JVM: the wall time and the process's CPU time (every
 * thread's, the JIT's too) of one {@code OpenCatalog.open}, as {@code serve} opens it at start-up
 * (the SQLite files and the search index beside them). Compiled first (launched from source, the
 * compiler would warm the JIT before the call), run with the server's JVM options, one JVM per
 * figure, alternating jars:
 *
 * <pre>
 *   javac -cp JAR -d DIR bench/CatalogOpen.java
 *   java $(grep -v -e '^#' -e '^$' jvm.options) -cp JAR:DIR CatalogOpen DB
 * </pre>
 */
public class CatalogOpen {
    public static void main(String[] args) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Class<?> files = Class.forName("dev.musicmeta.catalog.sqlite.CatalogFiles");
        Class<?> options = Class.forName("dev.musicmeta.catalog.sqlite.SqliteOptions");
        Object resolved = files.getMethod("resolve", Path.class, Path.class).invoke(null, Path.of(args[0]), null);
        Object defaults = options.getMethod("defaults").invoke(null);
        Method open = Class.forName("dev.musicmeta.cli.OpenCatalog").getDeclaredMethod("open", files, Path.class, options);
        open.setAccessible(true);
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        AutoCloseable catalog = (AutoCloseable) open.invoke(null, resolved, null, defaults);
        wall = System.nanoTime() - wall;
        cpu = os.getProcessCpuTime() - cpu;
        System.out.printf("open %d ms wall, %d ms process CPU%n", wall / 1_000_000, cpu / 1_000_000);
        catalog.close();
        System.exit(0);
    }
}

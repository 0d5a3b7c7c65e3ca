import java.lang.reflect.Method;

/**
 * Prints, as JSON, the statements the service runs for a track lookup (with track_files
 * attached as tf), so that bench/cold-load.py can run exactly them through SQLite.
 * Run from the repository: java -cp target/music-metadata-api.jar bench/ColdSql.java
 */
public class ColdSql {
    public static void main(String[] args) throws Exception {
        Class<?> sql = Class.forName("dev.musicmeta.catalog.sqlite.Sql");
        Method text = sql.getDeclaredMethod("text", boolean.class, boolean.class);
        text.setAccessible(true);
        StringBuilder out = new StringBuilder("{");
        String[][] wanted = {{"TRACKS_BY_ID", "true"}, {"ALBUMS_BY_ROWID", "true"}, {"ARTISTS_BY_ROWID", "false"}};
        for (String[] w : wanted) {
            Object constant = null;
            for (Object c : sql.getEnumConstants()) {
                if (((Enum<?>) c).name().equals(w[0])) {
                    constant = c;
                }
            }
            boolean single = Boolean.parseBoolean(w[1]);
            String statement = (String) text.invoke(constant, true, single);
            out.append(out.length() > 1 ? ", " : "").append('"').append(w[0]).append(single ? "" : "_SET").append("\": \"")
                    .append(statement.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        System.out.println(out.append('}'));
    }
}

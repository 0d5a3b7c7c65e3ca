package dev.musicmeta.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What the build wrote about itself into {@value #RESOURCE}: the version, the git commit and when
 * it was built. The commit is null for a build from sources without git (a tarball, a container
 * build not given {@code -Dgit.commit.id.full}); every field but the version may be null.
 *
 * @param version    the project version
 * @param commit     the full commit id, or null
 * @param commitTime when that commit was made (ISO-8601, UTC), or null
 * @param buildTime  when the jar was built (ISO-8601, UTC), or null
 */
public record BuildInfo(String version, String commit, String commitTime, String buildTime) {

    static final String RESOURCE = "/dev/musicmeta/build-info.properties";

    private static final BuildInfo CURRENT = load();

    /** This program's build. */
    public static BuildInfo current() {
        return CURRENT;
    }

    /** The first 12 characters of the commit (as {@code git log --abbrev=12} shows it), or null. */
    public String shortCommit() {
        return commit == null ? null : commit.substring(0, Math.min(12, commit.length()));
    }

    /** One line for {@code --version}: {@code 0.1.0 (commit 0123456789ab, built 2026-01-01T00:00:00Z)}. */
    public String describe() {
        StringBuilder line = new StringBuilder(version);
        if (commit != null || buildTime != null) {
            line.append(" (");
            if (commit != null) {
                line.append("commit ").append(shortCommit()).append(buildTime != null ? ", " : "");
            }
            if (buildTime != null) {
                line.append("built ").append(buildTime);
            }
            line.append(')');
        }
        return line.toString();
    }

    private static BuildInfo load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = known(p.getProperty("version"));
        return new BuildInfo(version == null ? "development" : version, known(p.getProperty("commit")),
                known(p.getProperty("commit_time")), known(p.getProperty("build_time")));
    }

    /** Null for what the build left empty (or unfiltered, as an IDE's copy of the resource is). */
    private static String known(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? null : value.strip();
    }
}

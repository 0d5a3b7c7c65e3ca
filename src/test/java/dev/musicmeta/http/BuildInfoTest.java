package dev.musicmeta.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The build writes its version, commit and time into the jar, and BuildInfo reads them back. */
class BuildInfoTest {

    private final BuildInfo build = BuildInfo.current();

    @Test
    void theVersionIsThePomsVersion() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher version = Pattern.compile("<artifactId>music-metadata-api</artifactId>\\s*<version>([^<]+)")
                .matcher(pom);
        assertThat(version.find()).isTrue();

        assertThat(build.version()).isEqualTo(version.group(1));
    }

    @Test
    void theBuildTimeIsAnInstantAndTheCommitTimeOneWhenTheCommitIsKnown() {
        assertThat(Instant.parse(build.buildTime())).isBefore(Instant.now().plusSeconds(1));
        if (build.commit() != null) {
            assertThat(build.commit()).matches("[0-9a-f]{40}");
            assertThat(Instant.parse(build.commitTime())).isBefore(Instant.parse(build.buildTime()).plusSeconds(1));
        }
    }

    @Test
    void aBuildFromAGitCheckoutRecordsItsHeadCommit() throws Exception {
        String head = gitHead();
        assumeThat(head).as("built from a git checkout with git installed").isNotNull();

        assertThat(build.commit()).isEqualTo(head);
        assertThat(build.shortCommit()).isEqualTo(head.substring(0, 12));
        assertThat(build.describe()).isEqualTo(build.version() + " (commit " + head.substring(0, 12) + ", built "
                + build.buildTime() + ")");
    }

    @Test
    void aLineForTheVersionOptionLeavesOutWhatTheBuildDidNotKnow() {
        assertThat(new BuildInfo("1.2.3", null, null, null).describe()).isEqualTo("1.2.3");
        assertThat(new BuildInfo("1.2.3", null, null, "2026-01-02T03:04:05Z").describe())
                .isEqualTo("1.2.3 (built 2026-01-02T03:04:05Z)");
        assertThat(new BuildInfo("1.2.3", "0123456789abcdef0123456789abcdef01234567", null, null).describe())
                .isEqualTo("1.2.3 (commit 0123456789ab)");
    }

    /** HEAD of the checkout the tests run in, or null without git or a checkout. */
    private static String gitHead() throws InterruptedException {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        }
    }
}

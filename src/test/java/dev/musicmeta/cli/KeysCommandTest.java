package dev.musicmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.http.ApiKey;
import dev.musicmeta.http.ApiKeys;
import dev.musicmeta.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keys NAME}: a new key, printed once, and the line of the keys file that admits it. */
class KeysCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsTheLineForTheFileThenTheKeyAndTheLineAdmitsTheKey() throws Exception {
        CliRun run = CliRun.of("keys", "tagger-prod", "--rate", "50");

        assertThat(run.code()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(2);
        String key = lines.get(1);
        assertThat(key).matches("mma_[0-9A-Za-z]{43}");
        assertThat(lines.get(0)).isEqualTo("tagger-prod " + ApiKeys.sha256Hex(key) + " 50").doesNotContain(key);

        ApiKeys keys = ApiKeys.load(Files.writeString(dir.resolve("keys.txt"), lines.get(0) + "\n"));
        assertThat(keys.authenticate(key)).contains(new ApiKey("tagger-prod", 50L, 100L));
    }

    @Test
    void theLimitsAreOptionalAndTheBurstFollowsTheRate() {
        assertThat(CliRun.of("keys", "alice").out().lines().findFirst().orElseThrow()).matches("alice [0-9a-f]{64}");
        assertThat(CliRun.of("keys", "bob", "--rate", "5", "--burst", "9").out().lines().findFirst().orElseThrow())
                .matches("bob [0-9a-f]{64} 5 9");
    }

    @Test
    void everyRunMakesAnotherKey() {
        String first = CliRun.of("keys", "alice").out().lines().toList().get(1);
        String second = CliRun.of("keys", "alice").out().lines().toList().get(1);

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void aBadNameOrLimitIsExitCode2AndPrintsNoKey() {
        for (String[] args : new String[][] {{"keys", "al ice"}, {"keys", "-x"}, {"keys", "x".repeat(65)},
            {"keys", "alice", "--burst", "5"}, {"keys", "alice", "--rate", "-1"}, {"keys"}}) {
            CliRun run = CliRun.of(args);
            assertThat(run.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.out()).as(String.join(" ", args)).doesNotContain("mma_");
        }
    }
}

package dev.musicmeta.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which presented key is valid, how keys are made and hashed, and rereading the file. */
class ApiKeysTest {

    private static final String ALICE_KEY = "mma_aliceAliceAliceAliceAliceAliceAliceAlic1";
    private static final String BOB_KEY = "mma_bobBobBobBobBobBobBobBobBobBobBobBobBob12";

    @TempDir
    Path dir;

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    private static String line(String name, String key, String limits) {
        return name + " " + ApiKeys.sha256Hex(key) + (limits.isEmpty() ? "" : " " + limits) + "\n";
    }

    @Test
    void aKeyOfTheFileIsItsLinesKeyAndAnythingElseIsNone() throws Exception {
        ApiKeys keys = ApiKeys.load(write("keys.txt", line("alice", ALICE_KEY, "5") + line("bob", BOB_KEY, "")));

        assertThat(keys.enabled()).isTrue();
        assertThat(keys.size()).isEqualTo(2);
        assertThat(keys.authenticate(ALICE_KEY)).contains(new ApiKey("alice", 5L, 10L));
        assertThat(keys.authenticate(BOB_KEY)).contains(new ApiKey("bob", null, null));
        assertThat(keys.authenticate("mma_unknown")).isEmpty();
        assertThat(keys.authenticate("")).isEmpty();
        assertThat(keys.authenticate(null)).isEmpty();
    }

    @Test
    void thePresentedKeyIsHashedBeforeItIsComparedSoNearMissesAndTheDigestItselfAreRefused() throws Exception {
        ApiKeys keys = ApiKeys.load(write("keys.txt", line("alice", ALICE_KEY, "")));
        String digest = ApiKeys.sha256Hex(ALICE_KEY);

        assertThat(keys.authenticate(digest)).as("the file's digest is not a key").isEmpty();
        assertThat(keys.authenticate(ALICE_KEY.substring(0, ALICE_KEY.length() - 1))).isEmpty();
        assertThat(keys.authenticate(ALICE_KEY + "1")).isEmpty();
        assertThat(keys.authenticate(ALICE_KEY.substring(0, ALICE_KEY.length() - 1) + "2")).isEmpty();
        assertThat(keys.authenticate(ALICE_KEY.toUpperCase())).isEmpty();
        assertThat(keys.authenticate(" " + ALICE_KEY)).isEmpty();
        assertThat(keys.authenticate(ALICE_KEY.repeat(200))).isEmpty();
        assertThat(keys.authenticate(ALICE_KEY)).isPresent();
    }

    @Test
    void keysOffAcceptNothing() {
        ApiKeys off = ApiKeys.off();

        assertThat(off.enabled()).isFalse();
        assertThat(off.file()).isNull();
        assertThat(off.authenticate(ALICE_KEY)).isEmpty();
    }

    @Test
    void aNewKeyIsThePrefixAnd43Base62DigitsAndNeverRepeats() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String key = ApiKeys.newKey(random);
            assertThat(key).matches("mma_[0-9A-Za-z]{43}");
            assertThat(seen.add(key)).isTrue();
        }
        // every base62 digit turns up: the draw is not biased towards a subset
        Set<Integer> digits = new HashSet<>();
        seen.forEach(k -> k.substring(4).chars().forEach(digits::add));
        assertThat(digits).hasSize(62);
    }

    @Test
    void theDigestIsSha256InLowerCaseHex() {
        assertThat(ApiKeys.sha256Hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void theBearerTokenIsReadFromTheAuthorizationHeaderInAnyCaseOfTheScheme() {
        assertThat(ApiKeys.bearerToken("Bearer " + ALICE_KEY)).isEqualTo(ALICE_KEY);
        assertThat(ApiKeys.bearerToken("bearer   " + ALICE_KEY + " ")).isEqualTo(ALICE_KEY);
        assertThat(ApiKeys.bearerToken("BEARER\t" + ALICE_KEY)).isEqualTo(ALICE_KEY);
        assertThat(ApiKeys.bearerToken("Basic YWxpY2U6c2VjcmV0")).isNull();
        assertThat(ApiKeys.bearerToken("Bearer")).isNull();
        assertThat(ApiKeys.bearerToken("Bearer ")).isNull();
        assertThat(ApiKeys.bearerToken("Bearerxyz")).isNull();
        assertThat(ApiKeys.bearerToken(null)).isNull();
    }

    @Test
    void aBadFileAtStartIsRefusedWithItsLine() throws Exception {
        Path file = write("keys.txt", line("alice", ALICE_KEY, "") + "bob not-a-digest\n");

        assertThatThrownBy(() -> ApiKeys.load(file)).isInstanceOf(ApiKeys.InvalidKeysFileException.class)
                .hasMessageStartingWith(file + ":2: ");
        assertThatThrownBy(() -> ApiKeys.load(dir.resolve("absent.txt")))
                .hasMessage(dir.resolve("absent.txt") + ": no such file");
    }

    /** A clock the test moves; the file is looked at once a second of it. */
    private static final class Clock {
        final AtomicLong nanos = new AtomicLong(1_000_000_000L);

        void advance() {
            nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        }
    }

    /** Rewrites the file, its modification time moved on as an editor's save would. */
    private static void rewrite(Path file, String content) throws Exception {
        FileTime before = Files.getLastModifiedTime(file);
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.fromMillis(before.toMillis() + 5_000));
    }

    @Test
    void aChangedFileIsReadAgainOnceTheCheckPeriodHasPassed() throws Exception {
        Path file = write("keys.txt", line("alice", ALICE_KEY, ""));
        Clock clock = new Clock();
        ApiKeys keys = ApiKeys.load(file, Duration.ofSeconds(1), clock.nanos::get);
        assertThat(keys.authenticate(BOB_KEY)).isEmpty();

        rewrite(file, line("bob", BOB_KEY, "3"));
        assertThat(keys.authenticate(BOB_KEY)).as("within the period the old keys hold").isEmpty();
        clock.advance();

        assertThat(keys.authenticate(BOB_KEY)).contains(new ApiKey("bob", 3L, 6L));
        assertThat(keys.authenticate(ALICE_KEY)).as("removed from the file").isEmpty();
        assertThat(keys.size()).isEqualTo(1);
    }

    @Test
    void aFileReplacedByAnotherOfTheSameSizeAndTimeIsSeenByItsIdentity() throws Exception {
        Path file = write("keys.txt", line("alice", ALICE_KEY, ""));
        Clock clock = new Clock();
        ApiKeys keys = ApiKeys.load(file, Duration.ofSeconds(1), clock.nanos::get);

        // bob's line is as long as alice's: a file moved into place (as a Secret's link swap does)
        Path replacement = write("keys.new", line("bobby", BOB_KEY, "").replace("bobby", "bob12"));
        assertThat(Files.size(replacement)).isEqualTo(Files.size(file));
        Files.setLastModifiedTime(replacement, Files.getLastModifiedTime(file));
        Files.move(replacement, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        clock.advance();

        assertThat(keys.authenticate(BOB_KEY)).map(ApiKey::name).contains("bob12");
    }

    @Test
    void aFileThatNoLongerParsesOrHasGoneLeavesTheKeysReadBeforeInForce() throws Exception {
        Path file = write("keys.txt", line("alice", ALICE_KEY, ""));
        Clock clock = new Clock();
        ApiKeys keys = ApiKeys.load(file, Duration.ofSeconds(1), clock.nanos::get);

        rewrite(file, line("bob", BOB_KEY, "") + "carol oops\n");
        clock.advance();
        assertThat(keys.authenticate(ALICE_KEY)).isPresent();
        assertThat(keys.authenticate(BOB_KEY)).isEmpty();

        Files.delete(file);
        clock.advance();
        assertThat(keys.authenticate(ALICE_KEY)).isPresent();

        Files.writeString(file, line("bob", BOB_KEY, ""));
        clock.advance();
        assertThat(keys.authenticate(BOB_KEY)).as("back, and valid again").isPresent();
        assertThat(keys.authenticate(ALICE_KEY)).isEmpty();
    }

    @Test
    void aFileWhoseTimeSizeAndIdentityAreUnchangedIsNotReadAgain() throws Exception {
        Path file = write("keys.txt", line("alice", ALICE_KEY, ""));
        Clock clock = new Clock();
        ApiKeys keys = ApiKeys.load(file, Duration.ofSeconds(1), clock.nanos::get);
        FileTime modified = Files.getLastModifiedTime(file);

        // the same file, rewritten in place with a line of the same length, its time put back
        Files.writeString(file, line("bob12", BOB_KEY, ""));
        Files.setLastModifiedTime(file, modified);
        clock.advance();

        assertThat(keys.authenticate(ALICE_KEY)).as("the stamp is unchanged: the file was not read").isPresent();
        assertThat(keys.authenticate(BOB_KEY)).isEmpty();
    }
}

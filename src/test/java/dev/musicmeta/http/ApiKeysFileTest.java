package dev.musicmeta.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The keys file of --api-keys: NAME SHA256 [RATE] [BURST], comments, and what is refused, by line. */
class ApiKeysFileTest {

    /** SHA-256 of "abc" and of "" (FIPS 180-2 test vectors), as they would stand in a file. */
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @TempDir
    Path dir;

    @Test
    void readsNamesDigestsAndLimitsSkippingCommentsAndBlankLines() throws Exception {
        Path file = Files.writeString(dir.resolve("keys.txt"), String.join("\n",
                "# clients of the catalog",
                "",
                "tagger-prod   " + ABC + "   50 80   # the tagger farm",
                "   ",
                "nightly.batch " + EMPTY.toUpperCase() + " 7",
                "ops@example   " + "0".repeat(64),
                "unlimited     " + "1".repeat(64) + " 0"), StandardCharsets.UTF_8);

        List<ApiKeysFile.Entry> entries = ApiKeysFile.read(file);

        assertThat(entries).extracting(ApiKeysFile.Entry::key).containsExactly(
                new ApiKey("tagger-prod", 50L, 80L),
                new ApiKey("nightly.batch", 7L, 14L), // burst defaults to twice the rate
                new ApiKey("ops@example", null, null), // the server's limits
                new ApiKey("unlimited", 0L, 0L));
        assertThat(entries).extracting(ApiKeysFile.Entry::line).containsExactly(3, 5, 6, 7);
        assertThat(HexFormat.of().formatHex(entries.get(0).sha256())).isEqualTo(ABC);
        assertThat(HexFormat.of().formatHex(entries.get(1).sha256())).isEqualTo(EMPTY); // upper case read as hex
    }

    @Test
    void anEmptyFileHasNoKeys() throws Exception {
        assertThat(ApiKeysFile.read(Files.writeString(dir.resolve("k"), "# nobody yet\n"))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "alice                                       | 1 | expected NAME SHA256 [RATE] [BURST], found 1 field",
        "alice " + ABC + " 1 2 3                     | 1 | found 5 fields",
        "-alice " + ABC + "                          | 1 | the name must be 1 to 64 letters",
        "al/ice " + ABC + "                          | 1 | the name must be",
        "alice mma_thisIsTheKeyItselfNotItsDigest    | 1 | the key's SHA-256 in 64 hex digits",
        "alice " + ABC + "0                          | 1 | the key's SHA-256 in 64 hex digits",
        "alice " + ABC + " fast                      | 1 | the rate must be a whole number",
        "alice " + ABC + " 10 -1                     | 1 | the burst must be a whole number",
        "alice " + ABC + " 1.5                       | 1 | the rate must be a whole number"})
    void aMalformedLineIsRefusedNamingTheFileAndTheLine(String line, int number, String reason) throws Exception {
        Path file = Files.writeString(dir.resolve("keys.txt"), line.strip() + "\n");

        assertThatThrownBy(() -> ApiKeysFile.read(file)).isInstanceOf(ApiKeysFile.InvalidException.class)
                .hasMessageStartingWith(file + ":" + number + ": ").hasMessageContaining(reason);
    }

    @Test
    void theLineNumberCountsCommentsAndBlankLines() throws Exception {
        Path file = Files.writeString(dir.resolve("keys.txt"), "# one\n\nalice " + ABC + "\nbob nope\n");

        assertThatThrownBy(() -> ApiKeysFile.read(file)).hasMessageStartingWith(file + ":4: ");
    }

    @Test
    void aValueInTheWrongFieldIsNotQuotedSoAKeyPastedThereStaysOutOfTheLogs() throws Exception {
        Path file = Files.writeString(dir.resolve("keys.txt"), "alice " + ABC + " mma_secretKeyValue123\n");

        assertThatThrownBy(() -> ApiKeysFile.read(file)).hasMessageNotContaining("mma_secretKeyValue123");
    }

    @Test
    void theSameKeyTwiceIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("keys.txt"), "alice " + ABC + "\nbob " + ABC.toUpperCase() + "\n");

        assertThatThrownBy(() -> ApiKeysFile.read(file)).hasMessage(file + ":2: the same key as line 1; a key may be"
                + " listed once");
    }

    @Test
    void linesOfOneNameShareTheirLimitsSoTheyMustAgree() throws Exception {
        Path rotating = Files.writeString(dir.resolve("ok.txt"), "alice " + ABC + " 5\nalice " + EMPTY + " 5 10\n");
        assertThat(ApiKeysFile.read(rotating)).extracting(ApiKeysFile.Entry::key)
                .containsOnly(new ApiKey("alice", 5L, 10L));

        Path differing = Files.writeString(dir.resolve("bad.txt"), "alice " + ABC + " 5\nalice " + EMPTY + "\n");
        assertThatThrownBy(() -> ApiKeysFile.read(differing)).hasMessageStartingWith(differing + ":2: alice has"
                + " other limits on line 1");
    }

    @Test
    void aMissingOrUnreadableFileIsNamed() throws Exception {
        Path missing = dir.resolve("nope.txt");
        assertThatThrownBy(() -> ApiKeysFile.read(missing)).hasMessage(missing + ": no such file");

        Path binary = Files.write(dir.resolve("binary"), new byte[] {(byte) 0xC3, (byte) 0x28, 'a'});
        assertThatThrownBy(() -> ApiKeysFile.read(binary)).hasMessage(binary + ": not UTF-8 text");
    }
}

package dev.musicmeta.http;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the keys file of {@code --api-keys}: one key a line,
 * <pre>
 * # name          sha256 of the key (64 hex digits)                               [rate] [burst]
 * tagger-prod     9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 50 100
 * nightly-batch   60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752
 * </pre>
 * {@code #} starts a comment (no field can hold one); blank lines are skipped. {@code rate} is
 * requests a second and {@code burst} what the key may send at once (default twice the rate); a
 * 0 in either means that key is not limited. Lines may share a name (a key and its replacement
 * while clients move over): they then share one bucket and must give the same limits.
 */
final class ApiKeysFile {

    /** A line of the file: who, and the digest a presented key must hash to. */
    record Entry(ApiKey key, byte[] sha256, int line) {}

    /** The file cannot be used; the message starts with {@code FILE:LINE:} or {@code FILE:}. */
    static final class InvalidException extends Exception {
        InvalidException(String message) {
            super(message, null, false, false);
        }
    }

    private static final int SHA256_HEX = 64;

    private ApiKeysFile() {}

    static List<Entry> read(Path file) throws InvalidException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidException(file + ": no such file");
        } catch (CharacterCodingException e) {
            throw new InvalidException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new InvalidException(file + ": cannot be read: " + e.getMessage());
        }
        return parse(file.toString(), lines);
    }

    static List<Entry> parse(String source, List<String> lines) throws InvalidException {
        List<Entry> entries = new ArrayList<>();
        Map<String, Entry> byHash = new HashMap<>();
        Map<String, Entry> byName = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            String text = lines.get(i);
            int comment = text.indexOf('#');
            String[] fields = (comment < 0 ? text : text.substring(0, comment)).strip().split("\\s+");
            if (fields.length == 1 && fields[0].isEmpty()) {
                continue;
            }
            Entry entry = entry(source, number, fields);
            String hex = HexFormat.of().formatHex(entry.sha256());
            Entry twin = byHash.putIfAbsent(hex, entry);
            if (twin != null) {
                throw invalid(source, number, "the same key as line " + twin.line() + "; a key may be listed once");
            }
            Entry namesake = byName.putIfAbsent(entry.key().name(), entry);
            if (namesake != null && !(Objects.equals(namesake.key().ratePerSecond(), entry.key().ratePerSecond())
                    && Objects.equals(namesake.key().burst(), entry.key().burst()))) {
                throw invalid(source, number, entry.key().name() + " has other limits on line " + namesake.line()
                        + "; lines of one name share one rate limit and must give the same rate and burst");
            }
            entries.add(entry);
        }
        return List.copyOf(entries);
    }

    private static Entry entry(String source, int number, String[] fields) throws InvalidException {
        if (fields.length < 2 || fields.length > 4) {
            throw invalid(source, number, "expected NAME SHA256 [RATE] [BURST], found " + fields.length
                    + (fields.length == 1 ? " field" : " fields"));
        }
        String name = fields[0];
        if (!ApiKey.NAME.matcher(name).matches()) {
            throw invalid(source, number, "the name must be 1 to 64 letters, digits, '.', '_', '@' or '-',"
                    + " starting with a letter or digit");
        }
        String hex = fields[1];
        if (hex.length() != SHA256_HEX || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw invalid(source, number, "the second field must be the key's SHA-256 in 64 hex digits, as the"
                    + " keys command prints it (never the key itself)");
        }
        Long rate = null;
        Long burst = null;
        if (fields.length > 2) {
            rate = count(source, number, "rate", fields[2]);
            burst = fields.length > 3 ? count(source, number, "burst", fields[3]) : rate * 2;
        }
        return new Entry(new ApiKey(name, rate, burst), HexFormat.of().parseHex(hex), number);
    }

    private static long count(String source, int number, String what, String text) throws InvalidException {
        if (!text.isEmpty() && text.length() <= 18 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Long.parseLong(text);
        }
        // The value is not quoted: a key pasted into the wrong field must not reach a log.
        throw invalid(source, number, "the " + what + " must be a whole number of at least 0 (0: not limited)");
    }

    private static InvalidException invalid(String source, int number, String message) {
        return new InvalidException(source + ":" + number + ": " + message);
    }
}

package dev.musicmeta.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API keys of {@code --api-keys}: whether they are on, and which key, if any, a client
 * presented. The file holds a SHA-256 per key ({@link ApiKeysFile}), never a key; a presented key
 * is hashed and compared with every line in constant time, so neither the answer's timing nor the
 * file tells anything about a valid key. Keys are long random strings ({@link #newKey}), for which a
 * plain SHA-256 is the right hash: there is nothing to guess that a slow hash would protect.
 *
 * <p>The file is reloaded when it changes: at most once per {@link #CHECK_EVERY}, on use, its
 * modification time, size and identity (inode) are compared with those of the last read, which
 * also notices a Kubernetes Secret's symbolic link being swapped. A file that no longer parses, or
 * has gone, is logged and the keys read before stay in force.
 *
 * <p>For other surfaces of the server (the Spotify-compatible one reads a bearer token itself):
 * <pre>{@code
 * if (keys.enabled()) {
 *     Optional<ApiKey> key = keys.authenticate(bearerToken);  // empty: missing or wrong
 * }
 * }</pre>
 */
public final class ApiKeys {

    /** The request attribute holding the name of the key a request was admitted with. */
    public static final String REQUEST_ATTRIBUTE = "dev.musicmeta.apiKey";

    /** How every key made by {@link #newKey} starts, so that people and secret scanners recognise one. */
    public static final String PREFIX = "mma_";

    /** How often, at most, the file is looked at for changes. */
    public static final Duration CHECK_EVERY = Duration.ofSeconds(1);

    /** 43 base62 digits carry 256 bits. */
    private static final int KEY_DIGITS = 43;
    private static final char[] BASE62 =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final Logger LOG = LoggerFactory.getLogger(ApiKeys.class);

    /** What was last read: the lines, and the stamp of the file they came from. */
    private record Loaded(List<ApiKeysFile.Entry> entries, Stamp stamp) {}

    /** What tells that a file changed without reading it. */
    private record Stamp(long modifiedNanos, long size, Object fileKey) {
        static Stamp of(Path file) throws IOException {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class); // follows links
            return new Stamp(a.lastModifiedTime().to(TimeUnit.NANOSECONDS), a.size(), a.fileKey());
        }
    }

    private final Path file;
    private final long checkEveryNanos;
    private final LongSupplier nanoTime;
    private final AtomicLong nextCheck;
    private volatile Loaded loaded;
    /** The stamp of a file that failed to load, so that its problem is logged once. */
    private volatile Stamp refused;
    /** Whether the file being unreadable (gone, say) has been logged since it was last read. */
    private volatile boolean unreadableLogged;

    private ApiKeys(Path file, Loaded loaded, Duration checkEvery, LongSupplier nanoTime) {
        this.file = file;
        this.loaded = loaded;
        this.checkEveryNanos = checkEvery.toNanos();
        this.nanoTime = nanoTime;
        this.nextCheck = new AtomicLong(nanoTime.getAsLong() + checkEveryNanos);
    }

    /** No keys: every route is open. */
    public static ApiKeys off() {
        return new ApiKeys(null, new Loaded(List.of(), null), CHECK_EVERY, System::nanoTime);
    }

    /**
     * The keys of {@code file}, read now and again whenever it changes.
     *
     * @throws InvalidKeysFileException naming the file and, for a bad line, its number
     */
    public static ApiKeys load(Path file) throws InvalidKeysFileException {
        return load(file, CHECK_EVERY, System::nanoTime);
    }

    /** As {@link #load(Path)}, looking for changes every {@code checkEvery} of {@code nanoTime}. */
    static ApiKeys load(Path file, Duration checkEvery, LongSupplier nanoTime) throws InvalidKeysFileException {
        try {
            Stamp stamp = Stamp.of(file);
            return new ApiKeys(file, new Loaded(ApiKeysFile.read(file), stamp), checkEvery, nanoTime);
        } catch (IOException e) {
            throw new InvalidKeysFileException(file + ": " + describe(e));
        } catch (ApiKeysFile.InvalidException e) {
            throw new InvalidKeysFileException(e.getMessage());
        }
    }

    /** Whether requests need a key: {@code --api-keys} was given. */
    public boolean enabled() {
        return file != null;
    }

    /** The keys file; null when keys are off. */
    public Path file() {
        return file;
    }

    /** How many lines (keys) are in force. */
    public int size() {
        return loaded.entries().size();
    }

    /**
     * The key {@code presented} is, if it is one of the file's: a bearer token or an
     * {@code X-Api-Key} value as the client sent it. Empty for null, a wrong key, or keys off.
     */
    public Optional<ApiKey> authenticate(String presented) {
        if (file == null || presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        reloadIfChanged();
        // The digest has a fixed length whatever was sent, and every line is compared in full:
        // how long this takes says nothing about how close the guess was, or which line it was.
        byte[] digest = sha256(presented);
        ApiKey match = null;
        for (ApiKeysFile.Entry entry : loaded.entries()) {
            boolean equal = MessageDigest.isEqual(entry.sha256(), digest);
            match = equal ? entry.key() : match;
        }
        return Optional.ofNullable(match);
    }

    /** The key named {@code name}, if the file has one (lines of one name share their limits). */
    Optional<ApiKey> byName(String name) {
        return entries(name).stream().map(ApiKeysFile.Entry::key).findFirst();
    }

    /** The digests of the lines named {@code name}: what signs the {@code /v1} tokens of that key. */
    List<byte[]> digests(String name) {
        return entries(name).stream().map(e -> e.sha256().clone()).toList();
    }

    private List<ApiKeysFile.Entry> entries(String name) {
        if (file == null || name == null) {
            return List.of();
        }
        reloadIfChanged();
        return loaded.entries().stream().filter(e -> e.key().name().equals(name)).toList();
    }

    /**
     * The bearer token of an {@code Authorization} header value ({@code Bearer <token>}, the scheme
     * in any case), or null when it is absent or of another scheme.
     */
    public static String bearerToken(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.strip();
        if (value.length() < 7 || !value.substring(0, 6).equalsIgnoreCase("Bearer")
                || !Character.isWhitespace(value.charAt(6))) {
            return null;
        }
        String token = value.substring(7).strip();
        return token.isEmpty() ? null : token;
    }

    /** A new random key: {@value #PREFIX} and 43 base62 digits (256 bits from {@code random}). */
    public static String newKey(SecureRandom random) {
        StringBuilder key = new StringBuilder(PREFIX.length() + KEY_DIGITS).append(PREFIX);
        byte[] one = new byte[1];
        while (key.length() < PREFIX.length() + KEY_DIGITS) {
            random.nextBytes(one);
            int b = one[0] & 0xFF;
            if (b < 248) { // 248 = 4 * 62: rejecting the rest keeps every digit equally likely
                key.append(BASE62[b % 62]);
            }
        }
        return key.toString();
    }

    /** The SHA-256 of {@code key} in lower-case hex: what its line in the keys file holds. */
    public static String sha256Hex(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Rereads the file when it changed since the last read; one caller at a time, at most once per period. */
    private void reloadIfChanged() {
        long now = nanoTime.getAsLong();
        long next = nextCheck.get();
        if (now - next < 0 || !nextCheck.compareAndSet(next, now + checkEveryNanos)) {
            return;
        }
        Stamp stamp;
        try {
            stamp = Stamp.of(file);
        } catch (IOException e) {
            if (!unreadableLogged) {
                unreadableLogged = true;
                LOG.warn("API keys file {}: {}; keeping the {} keys read before", file, describe(e), size());
            }
            return;
        }
        unreadableLogged = false;
        if (stamp.equals(loaded.stamp()) || stamp.equals(refused)) {
            return;
        }
        try {
            List<ApiKeysFile.Entry> entries = ApiKeysFile.read(file);
            loaded = new Loaded(entries, stamp);
            refused = null;
            LOG.info("reloaded {} API keys from {}", entries.size(), file);
        } catch (ApiKeysFile.InvalidException e) {
            refused = stamp;
            LOG.warn("{}; keeping the {} API keys read before", e.getMessage(), size());
        }
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return "cannot be read (" + e.getClass().getSimpleName().replace("Exception", "").toLowerCase(Locale.ROOT)
                + ")";
    }

    @Override
    public String toString() {
        return enabled() ? size() + " API keys from " + file : "API keys off";
    }

    /** The keys file cannot be used at start; the message names the file, and the line when one is bad. */
    public static final class InvalidKeysFileException extends Exception {
        InvalidKeysFileException(String message) {
            super(Objects.requireNonNull(message), null, false, false);
        }
    }
}

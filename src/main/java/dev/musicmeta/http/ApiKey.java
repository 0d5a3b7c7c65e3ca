package dev.musicmeta.http;

import java.util.regex.Pattern;

/**
 * Whose an accepted API key is: the name of its line in the keys file and its own rate limit.
 * The key itself is never kept, only its SHA-256.
 *
 * @param name          the line's name, e.g. {@code tagger-prod}; what the access log shows
 * @param ratePerSecond the line's requests a second, or {@code null} for the server's
 *                      ({@code --rate-limit}); 0 means not limited
 * @param burst         the line's burst, or {@code null} for the server's ({@code --rate-burst});
 *                      when the line gives a rate but no burst, twice the rate
 */
public record ApiKey(String name, Long ratePerSecond, Long burst) {

    /** What a name may be: it appears in logs, so it is one short token. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    public ApiKey {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a key name: " + name);
        }
        if ((ratePerSecond == null) != (burst == null)) {
            throw new IllegalArgumentException("a key's rate and burst are given together or not at all");
        }
    }

    /** Whether the line gives its own limits rather than taking the server's. */
    public boolean ownLimits() {
        return ratePerSecond != null;
    }
}

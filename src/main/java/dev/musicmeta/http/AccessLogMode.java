package dev.musicmeta.http;

/** Which requests the access log writes a line for. */
public enum AccessLogMode {
    /** Every request. */
    ALL,
    /** Requests answered 4xx or 5xx. */
    ERRORS,
    /** None. */
    OFF
}

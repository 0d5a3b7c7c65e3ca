package dev.musicmeta.catalog;

/** The kinds of Spotify id the catalog serves, as spelled in {@code spotify:<kind>:<id>} URIs. */
public enum IdKind {
    TRACK("track"),
    ALBUM("album"),
    ARTIST("artist");

    private final String uriName;

    IdKind(String uriName) {
        this.uriName = uriName;
    }

    public String uriName() {
        return uriName;
    }
}

package dev.musicmeta.search;

/** What a search looks for; each kind has its own Lucene index in a sub-folder of the index. */
public enum SearchKind {
    TRACKS("tracks"),
    ARTISTS("artists"),
    ALBUMS("albums");

    private final String folder;

    SearchKind(String folder) {
        this.folder = folder;
    }

    /** The sub-folder of the index that holds this kind's documents. */
    public String folder() {
        return folder;
    }
}

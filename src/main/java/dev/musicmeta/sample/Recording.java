package dev.musicmeta.sample;

/**
 * One recording: what a shared ISRC stands for. The same recording appears as a track on its
 * single, its album and compilations, each time with its own track id and popularity.
 *
 * @param isrc        upper-case ISRC, or null (about 3% of tracks have none)
 * @param title       the song's own title, without features or version
 * @param version     version suffix such as "Radio Edit", or null
 * @param name        the track name as shown: title, "(feat. ...)", " - version"
 * @param artists     artist indexes in credit order; the first {@code main} are main artists, the rest featured
 * @param year        year of first release
 */
record Recording(
        String isrc,
        String title,
        String version,
        String name,
        long[] artists,
        int main,
        int durationMs,
        boolean explicit,
        boolean instrumental,
        int year,
        Language language,
        int popularity) {

    /** The name without its " - version" suffix: what a single is named after. */
    String nameWithoutVersion() {
        return version == null ? name : name.substring(0, name.length() - version.length() - " - ".length());
    }
}

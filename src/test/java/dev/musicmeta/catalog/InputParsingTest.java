package dev.musicmeta.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Ids, ISRCs and search text as clients spell them. */
class InputParsingTest {

    private static final String ID = "4uLU6hMCjMI75M1A2tKUQC";

    @ParameterizedTest
    @CsvSource({
        "USRC17607839, USRC17607839",
        "usrc17607839, USRC17607839",
        "us-rc1-76-07839, USRC17607839",
        "'US RC1 76 07839', USRC17607839",
        "gb-arl-93-00135, GBARL9300135"})
    void isrcsAreNormalized(String input, String normalized) {
        assertThat(Isrcs.normalize(input)).isEqualTo(normalized);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "USRC1760783", "USRC176078391", "U5RC17607839", "USRC1760783X", "USRC_17607839",
        "ıSRC17607839", "ﬀRC17607839", "ＵＳRC17607839"})
    void otherIsrcsAreRefusedWithWhatIsAccepted(String input) {
        assertThat(Isrcs.tryNormalize(input)).isNull();
        assertThatThrownBy(() -> Isrcs.normalize(input)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 letters, 3 letters or digits and 7 digits");
    }

    @ParameterizedTest
    @CsvSource({"TRACK, " + ID, "TRACK, spotify:track:" + ID, "ALBUM, spotify:album:" + ID, "ARTIST, spotify:artist:" + ID})
    void idsAndUrisOfTheirKindAreAccepted(IdKind kind, String input) {
        assertThat(SpotifyIds.parse(input, kind)).isEqualTo(ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://open.spotify.com/track/" + ID,
        "http://open.spotify.com/track/" + ID,
        "open.spotify.com/track/" + ID,
        "HTTPS://OPEN.SPOTIFY.COM/track/" + ID,
        "https://open.spotify.com/track/" + ID + "?si=1a2b3c4d5e6f7a8b",
        "https://open.spotify.com/track/" + ID + "?si=x&context=spotify%3Aalbum%3Ay#top",
        "https://open.spotify.com/track/" + ID + "/",
        "https://open.spotify.com/intl-de/track/" + ID + "?si=abc",
        "open.spotify.com/intl-pt/track/" + ID,
        "https://open.spotify.com/intl-zh-TW/track/" + ID})
    void linksToTheWebPlayerAreAccepted(String input) {
        assertThat(SpotifyIds.parse(input, IdKind.TRACK)).isEqualTo(ID);
        assertThat(SpotifyIds.tryParse(input, IdKind.TRACK)).isEqualTo(ID);
        assertThat(SpotifyIds.bare(input)).isEqualTo(ID);
    }

    @ParameterizedTest
    @CsvSource({"ALBUM, https://open.spotify.com/album/" + ID, "ARTIST, open.spotify.com/artist/" + ID + "?si=q"})
    void linksOfEachKindAreAcceptedForThatKind(IdKind kind, String input) {
        assertThat(SpotifyIds.parse(input, kind)).isEqualTo(ID);
    }

    @ParameterizedTest
    @CsvSource({
        "TRACK, https://open.spotify.com/album/" + ID + ", an open.spotify.com/album link is not accepted here: a track id",
        "TRACK, https://open.spotify.com/track/" + ID + "x, malformed track id",
        "TRACK, https://open.spotify.com/track/, not a link to a Spotify item",
        "TRACK, https://open.spotify.com/" + ID + ", not a link to a Spotify item: a track id",
        "TRACK, https://open.spotify.com/intl-de/x/track/" + ID + ", not a link to a Spotify item",
        "TRACK, https://open.spotify.com/de/track/" + ID + ", not a link to a Spotify item",
        "TRACK, https://example.com/track/" + ID + ", malformed track id",
        "TRACK, ftp://open.spotify.com/track/" + ID + ", malformed track id",
        "ALBUM, open.spotify.com/playlist/" + ID + ", an open.spotify.com/playlist link is not accepted here"})
    void otherLinksAreRefusedWithWhatIsAccepted(IdKind kind, String input, String message) {
        assertThat(SpotifyIds.tryParse(input, kind)).isNull();
        assertThatThrownBy(() -> SpotifyIds.parse(input, kind)).hasMessageStartingWith(message)
                .hasMessageContaining("https://open.spotify.com/" + kind.uriName() + "/<id>");
    }

    @ParameterizedTest
    @CsvSource({
        "TRACK, spotify:album:" + ID + ", a spotify:album URI is not accepted here: a track id is 22 characters",
        "ALBUM, " + ID + "x, malformed album id: an album id is 22 characters",
        "ARTIST, spotify::" + ID + ", not a Spotify URI: an artist id is 22 characters",
        "TRACK, spotify:track, not a Spotify URI: a track id",
        "TRACK, 4uLU6hMCjMI75M1A2tKUQ!, malformed track id"})
    void otherIdsAreRefusedWithWhatIsAccepted(IdKind kind, String input, String message) {
        assertThat(SpotifyIds.isValid(input, kind)).isFalse();
        assertThatThrownBy(() -> SpotifyIds.parse(input, kind)).hasMessageStartingWith(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {" ab ", "\u00a0ab\u00a0", "\u2007ab\u202f", "\tab\n", "\u3000ab"})
    void queriesAreTrimmedOfEveryKindOfSpace(String q) {
        assertThat(new SearchRequest(q, 20, 0).q()).isEqualTo("ab");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"' a '|a", "'\u00a0a\u00a0'|a", "'\u202fa'|a", "夜|夜", "' 🎸 '|🎸"})
    void aQueryOfOneCharacterAfterTrimmingIsAccepted(String q, String trimmed) {
        assertThat(new SearchRequest(q, 20, 0).q()).isEqualTo(trimmed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "\u00a0\u202f", "\t\n"})
    void aQueryOfNoCharacterAfterTrimmingIsRefused(String q) {
        assertThatThrownBy(() -> new SearchRequest(q, 20, 0)).hasMessageContaining("1 to 200 characters");
    }

    @ParameterizedTest
    @CsvSource({"20, -1", "0, 0", "51, 0", "50, 9951"})
    void limitsAndOffsetsOutOfRangeAreRefused(int limit, int offset) {
        assertThatThrownBy(() -> new SearchRequest("ab", limit, offset)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"1, 0", "50, 9950", "20, 9980"})
    void limitsAndOffsetsInRangeAreAccepted(int limit, int offset) {
        assertThat(new SearchRequest("ab", limit, offset).offset()).isEqualTo(offset);
    }
}

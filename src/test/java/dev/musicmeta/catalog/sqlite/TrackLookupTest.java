package dev.musicmeta.catalog.sqlite;

import static dev.musicmeta.testing.EdgeCatalog.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.musicmeta.catalog.Artist;
import dev.musicmeta.catalog.Image;
import dev.musicmeta.catalog.Track;
import dev.musicmeta.testing.EdgeCatalog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TrackLookupTest {

    static SqliteCatalog catalog;

    @BeforeAll
    static void open() throws Exception {
        catalog = SqliteCatalog.open(EdgeCatalog.shared().files(), SqliteOptions.defaults().withConnections(2));
    }

    @AfterAll
    static void close() {
        catalog.close();
    }

    private static Track track(String id) {
        return catalog.track(id).orElseThrow(() -> new AssertionError("no track " + id));
    }

    private static List<String> ids(List<Artist> artists) {
        return artists.stream().map(Artist::id).toList();
    }

    @Test
    void fullTrackHasEveryFieldWithItsAlbumArtistsAndTrackFiles() {
        Track t = track(TRACK_FULL);
        assertThat(t.id()).isEqualTo(TRACK_FULL);
        assertThat(t.name()).isEqualTo(TRACK_FULL_NAME);
        assertThat(t.isrc()).isEqualTo(TRACK_FULL_ISRC);
        assertThat(t.durationMs()).isEqualTo(TRACK_FULL_DURATION_MS);
        assertThat(t.explicit()).isTrue();
        assertThat(t.trackNumber()).isEqualTo(TRACK_FULL_TRACK_NUMBER);
        assertThat(t.discNumber()).isEqualTo(TRACK_FULL_DISC_NUMBER);
        assertThat(t.popularity()).isEqualTo(TRACK_FULL_POPULARITY);
        assertThat(t.previewUrl()).isEqualTo(TRACK_FULL_PREVIEW_URL);
        assertThat(ids(t.artists())).containsExactly(ARTIST_FULL);
        assertThat(t.album().id()).isEqualTo(ALBUM_FULL);
        assertThat(ids(t.album().artists())).isEqualTo(ALBUM_FULL_ARTISTS);
        assertThat(t.hasLyrics()).isTrue();
        assertThat(t.originalTitle()).isEqualTo(TRACK_FULL_ORIGINAL_TITLE);
        assertThat(t.versionTitle()).isEqualTo(TRACK_FULL_VERSION_TITLE);
        assertThat(t.languages()).isEqualTo(TRACK_FULL_LANGUAGES);
        assertThat(t.artistRolesJson()).isEqualTo(TRACK_FULL_ARTIST_ROLES);
    }

    @Test
    void trackArtistsAreFullyAssembled() {
        Artist a = track(TRACK_FULL).artists().get(0);
        assertThat(a.name()).isEqualTo(ARTIST_FULL_NAME);
        assertThat(a.followers()).isEqualTo(ARTIST_FULL_FOLLOWERS);
        assertThat(a.popularity()).isEqualTo(ARTIST_FULL_POPULARITY);
        assertThat(a.genres()).isEqualTo(ARTIST_FULL_GENRES);
        assertThat(a.images()).extracting(Image::url).isEqualTo(ARTIST_FULL_IMAGE_URLS);
    }

    @Test
    void tenArtistsComeInCreditOrder() {
        assertThat(ids(track(TRACK_TEN_ARTISTS).artists())).isEqualTo(TRACK_TEN_ARTISTS_CREDITS);
    }

    @Test
    void creditsOfMissingArtistsAreSkippedAndRepeatedOnesKeptOnce() {
        assertThat(ids(track(TRACK_MISSING_ARTIST).artists())).isEqualTo(TRACK_MISSING_ARTIST_CREDITS);
        assertThat(ids(track(TRACK_REPEATED_ARTIST).artists())).isEqualTo(TRACK_REPEATED_ARTIST_CREDITS);
    }

    @Test
    void artistWithNullIdIsServedWithNullId() {
        List<Artist> artists = track(TRACK_NULL_ID_ARTIST).artists();
        assertThat(artists).hasSize(1);
        assertThat(artists.get(0).id()).isNull();
        assertThat(artists.get(0).name()).isEqualTo(ARTIST_NULL_ID_NAME);
    }

    @Test
    void trackWithMissingAlbumRowHasNullAlbum() {
        Track t = track(TRACK_MISSING_ALBUM);
        assertThat(t.album()).isNull();
        assertThat(ids(t.artists())).containsExactly(ARTIST_CJK);
    }

    @Test
    void trackWithEveryColumnNullIsServed() {
        Track t = track(TRACK_NULLS);
        assertThat(t).isEqualTo(new Track(TRACK_NULLS, null, null, null, null, null, null, null, null, null,
                List.of(), null, null, null, List.of(), null));
    }

    @Test
    void valuesOfTheWrongTypeReadAsNull() {
        Track t = track(TRACK_DIRTY_TYPES);
        assertThat(t.name()).isEqualTo(TRACK_DIRTY_TYPES_NAME);
        assertThat(t.popularity()).isNull();
        assertThat(t.durationMs()).isNull();
        assertThat(t.trackNumber()).isNull();
        assertThat(t.explicit()).isNull();
        assertThat(t.discNumber()).isEqualTo(TRACK_DIRTY_TYPES_DISC_NUMBER);
        assertThat(t.album().id()).isEqualTo(ALBUM_DIRTY);
        assertThat(t.album().totalTracks()).isNull();
        assertThat(t.album().releaseDate()).isEqualTo("2001");
        assertThat(t.album().label()).isEqualTo(ALBUM_DIRTY_LABEL);
        assertThat(t.album().copyrightP()).isEqualTo(ALBUM_DIRTY_COPYRIGHT_P);
    }

    @Test
    void albumWithNullIdIsServedWithNullId() {
        Track t = track(TRACK_ON_NULL_ID_ALBUM);
        assertThat(t.album().id()).isNull();
        assertThat(t.album().name()).isEqualTo(ALBUM_NULL_ID_NAME);
        assertThat(t.album().images()).isEmpty();
    }

    @Test
    void nullIsrcIsServedAsNull() {
        assertThat(track(TRACK_NULL_ISRC).isrc()).isNull();
    }

    @Test
    void missingTrackFilesRowLeavesEnrichmentEmpty() {
        Track t = track(TRACK_TF_MISSING);
        assertThat(t.hasLyrics()).isNull();
        assertThat(t.originalTitle()).isNull();
        assertThat(t.versionTitle()).isNull();
        assertThat(t.languages()).isEmpty();
        assertThat(t.artistRolesJson()).isNull();
    }

    @Test
    void lowestTrackFilesRowidWins() {
        Track t = track(TRACK_TF_TWO_ROWS);
        assertThat(t.hasLyrics()).isFalse();
        assertThat(t.versionTitle()).isEqualTo(TRACK_TF_TWO_ROWS_VERSION);
        assertThat(t.originalTitle()).isNull();
        assertThat(t.languages()).isEqualTo(TRACK_TF_TWO_ROWS_LANGUAGES);
        assertThat(t.artistRolesJson()).isNull();
    }

    @Test
    void brokenJsonYieldsEmptyLanguagesAndNullRoles() {
        Track t = track(TRACK_TF_BROKEN_JSON);
        assertThat(t.languages()).isEmpty();
        assertThat(t.artistRolesJson()).isNull();
        assertThat(t.hasLyrics()).isNull();
    }

    @Test
    void languagesMustBeAnArrayOfStrings() {
        assertThat(track(TRACK_TF_LANGUAGES_NOT_ARRAY).languages()).isEmpty();
        assertThat(track(TRACK_TF_LANGUAGES_NOT_ARRAY).artistRolesJson()).isEqualTo(TRACK_TF_LANGUAGES_NOT_ARRAY_ROLES);
        assertThat(track(TRACK_TF_LANGUAGES_NOT_STRINGS).languages()).isEmpty();
    }

    @Test
    void artistRolesThatAreNotJsonAreNull() {
        Track t = track(TRACK_TF_ROLES_NOT_JSON);
        assertThat(t.artistRolesJson()).isNull();
        assertThat(t.languages()).isEqualTo(TRACK_TF_ROLES_NOT_JSON_LANGUAGES);
    }

    @Test
    void trackFilesRowOfNullsIsServedAsUnknown() {
        Track t = track(TRACK_TF_NULLS);
        assertThat(t.hasLyrics()).isNull();
        assertThat(t.languages()).isEmpty();
        assertThat(t.artistRolesJson()).isNull();
    }

    @Test
    void validJsonPassesThroughAsStored() {
        assertThat(track(TRACK_TF_ROLES_NESTED).artistRolesJson()).isEqualTo(TRACK_TF_ROLES_NESTED_JSON);
    }

    @Test
    void batchAnswersInRequestOrderAndLeavesUnknownIdsOut() {
        Map<String, Track> found = catalog.tracks(List.of(TRACK_NULLS, UNKNOWN_TRACK, TRACK_FULL, TRACK_NULLS));
        assertThat(found.keySet()).containsExactly(TRACK_NULLS, TRACK_FULL);
        assertThat(catalog.track(UNKNOWN_TRACK)).isEmpty();
        assertThat(catalog.tracks(List.of())).isEmpty();
    }

    @Test
    void bulkBatchMatchesSingleLookups() {
        List<String> ids = bulkTrackIds();
        Map<String, Track> batch = catalog.tracks(ids);
        assertThat(batch.keySet()).containsExactlyElementsOf(ids);
        for (String id : List.of(ids.get(0), ids.get(199), ids.get(399))) {
            assertThat(batch.get(id)).isEqualTo(track(id));
        }
    }
}

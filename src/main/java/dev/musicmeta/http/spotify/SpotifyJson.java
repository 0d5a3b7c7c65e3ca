package dev.musicmeta.http.spotify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.musicmeta.catalog.Album;
import dev.musicmeta.catalog.Artist;
import dev.musicmeta.catalog.DiscographyAlbum;
import dev.musicmeta.catalog.IdKind;
import dev.musicmeta.catalog.Image;
import dev.musicmeta.catalog.Track;
import java.io.IOException;
import java.util.List;

/**
 * Writes the catalog's records as the Spotify Web API's objects, field for field and in the
 * reference's order: the full and simplified track, album and artist objects, the image, copyright
 * and paging objects. Where Spotify's object has a field the snapshot cannot fill, it is written as
 * Spotify writes it when it has nothing ({@code available_markets: []}, {@code genres: []} on
 * albums, {@code followers.href: null}, {@code is_local: false}); fields Spotify sends only for a
 * {@code market} or a user ({@code is_playable}, {@code linked_from}, {@code restrictions}) are
 * left out, as Spotify leaves them out without one. A value the catalog holds as NULL is
 * {@code null}; {@code external_ids} holds only the ids there are.
 */
final class SpotifyJson {

    static final JsonFactory FACTORY = JsonFactory.builder().build();

    /** The number of tracks Spotify embeds in a full album object. */
    static final int ALBUM_TRACKS_EMBEDDED = 50;

    private final JsonGenerator g;
    private final Links links;

    SpotifyJson(JsonGenerator g, Links links) {
        this.g = g;
        this.links = links;
    }

    JsonGenerator generator() {
        return g;
    }

    /** The full track object. */
    void track(Track t) throws IOException {
        g.writeStartObject();
        g.writeFieldName("album");
        if (t.album() == null) {
            g.writeNull();
        } else {
            simplifiedAlbum(t.album());
        }
        trackFields(t, true);
        g.writeEndObject();
    }

    /** The simplified track object, as listed inside its album. */
    void simplifiedTrack(Track t) throws IOException {
        g.writeStartObject();
        trackFields(t, false);
        g.writeEndObject();
    }

    /** The fields after {@code album}; {@code external_ids} and {@code popularity} only in the full object. */
    private void trackFields(Track t, boolean full) throws IOException {
        g.writeFieldName("artists");
        list(t.artists(), this::simplifiedArtist);
        emptyArray("available_markets");
        number("disc_number", t.discNumber());
        number("duration_ms", t.durationMs());
        bool("explicit", t.explicit());
        if (full) {
            g.writeObjectFieldStart("external_ids");
            optionalString("isrc", t.isrc());
            g.writeEndObject();
        }
        externalUrls(IdKind.TRACK, t.id());
        g.writeStringField("href", links.href(IdKind.TRACK, t.id()));
        g.writeStringField("id", t.id());
        g.writeStringField("name", t.name());
        if (full) {
            number("popularity", t.popularity());
        }
        g.writeStringField("preview_url", t.previewUrl());
        number("track_number", t.trackNumber());
        g.writeStringField("type", "track");
        g.writeStringField("uri", Links.uri(IdKind.TRACK, t.id()));
        g.writeBooleanField("is_local", false);
    }

    /**
     * The full album object with its first page of tracks.
     *
     * @param tracks the first {@link #ALBUM_TRACKS_EMBEDDED} of its tracks, each without its album
     */
    void album(Album a, Paging<Track> tracks) throws IOException {
        g.writeStartObject();
        albumFields(a);
        g.writeFieldName("tracks");
        paging(tracks, this::simplifiedTrack);
        g.writeArrayFieldStart("copyrights");
        copyright(a.copyrightC(), "C");
        copyright(a.copyrightP(), "P");
        g.writeEndArray();
        g.writeObjectFieldStart("external_ids");
        optionalString("upc", a.upc());
        g.writeEndObject();
        emptyArray("genres"); // Spotify's albums always have none
        g.writeStringField("label", a.label());
        number("popularity", a.popularity());
        g.writeEndObject();
    }

    /** The simplified album object (a track's album, a search result). */
    void simplifiedAlbum(Album a) throws IOException {
        g.writeStartObject();
        albumFields(a);
        g.writeEndObject();
    }

    /** The simplified album object of an artist's albums: with the group it is listed under. */
    void artistAlbum(DiscographyAlbum a) throws IOException {
        g.writeStartObject();
        albumFields(a.album());
        g.writeStringField("album_group", a.group().key());
        g.writeEndObject();
    }

    private void albumFields(Album a) throws IOException {
        g.writeStringField("album_type", a.albumType());
        number("total_tracks", a.totalTracks());
        emptyArray("available_markets");
        externalUrls(IdKind.ALBUM, a.id());
        g.writeStringField("href", links.href(IdKind.ALBUM, a.id()));
        g.writeStringField("id", a.id());
        g.writeFieldName("images");
        list(a.images(), this::image);
        g.writeStringField("name", a.name());
        g.writeStringField("release_date", a.releaseDate());
        g.writeStringField("release_date_precision", a.releaseDatePrecision());
        g.writeStringField("type", "album");
        g.writeStringField("uri", Links.uri(IdKind.ALBUM, a.id()));
        g.writeFieldName("artists");
        list(a.artists(), this::simplifiedArtist);
    }

    /** The full artist object. */
    void artist(Artist a) throws IOException {
        g.writeStartObject();
        externalUrls(IdKind.ARTIST, a.id());
        g.writeObjectFieldStart("followers");
        g.writeNullField("href"); // Spotify's is always null
        number("total", a.followers());
        g.writeEndObject();
        g.writeFieldName("genres");
        g.writeStartArray();
        for (String genre : a.genres()) {
            g.writeString(genre);
        }
        g.writeEndArray();
        g.writeStringField("href", links.href(IdKind.ARTIST, a.id()));
        g.writeStringField("id", a.id());
        g.writeFieldName("images");
        list(a.images(), this::image);
        g.writeStringField("name", a.name());
        number("popularity", a.popularity());
        g.writeStringField("type", "artist");
        g.writeStringField("uri", Links.uri(IdKind.ARTIST, a.id()));
        g.writeEndObject();
    }

    /** The simplified artist object (a credit on a track or an album). */
    void simplifiedArtist(Artist a) throws IOException {
        g.writeStartObject();
        externalUrls(IdKind.ARTIST, a.id());
        g.writeStringField("href", links.href(IdKind.ARTIST, a.id()));
        g.writeStringField("id", a.id());
        g.writeStringField("name", a.name());
        g.writeStringField("type", "artist");
        g.writeStringField("uri", Links.uri(IdKind.ARTIST, a.id()));
        g.writeEndObject();
    }

    void image(Image i) throws IOException {
        g.writeStartObject();
        g.writeStringField("url", i.url());
        number("height", i.height());
        number("width", i.width());
        g.writeEndObject();
    }

    /** Spotify's paging object. */
    <T> void paging(Paging<T> page, Item<T> item) throws IOException {
        g.writeStartObject();
        g.writeStringField("href", page.href());
        g.writeNumberField("limit", page.limit());
        g.writeStringField("next", page.next());
        g.writeNumberField("offset", page.offset());
        g.writeStringField("previous", page.previous());
        g.writeNumberField("total", page.total());
        g.writeFieldName("items");
        list(page.items(), item);
        g.writeEndObject();
    }

    /** A "several" answer: {@code {"tracks": [track or null, ...]}} in the order asked. */
    <T> void several(String key, List<T> items, Item<T> item) throws IOException {
        g.writeStartObject();
        g.writeArrayFieldStart(key);
        for (T t : items) {
            if (t == null) {
                g.writeNull();
            } else {
                item.write(t);
            }
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    <T> void list(List<T> items, Item<T> item) throws IOException {
        g.writeStartArray();
        for (T t : items) {
            item.write(t);
        }
        g.writeEndArray();
    }

    private void externalUrls(IdKind kind, String id) throws IOException {
        g.writeObjectFieldStart("external_urls");
        optionalString("spotify", Links.openUrl(kind, id));
        g.writeEndObject();
    }

    private void copyright(String text, String type) throws IOException {
        if (text != null) {
            g.writeStartObject();
            g.writeStringField("text", text);
            g.writeStringField("type", type);
            g.writeEndObject();
        }
    }

    private void optionalString(String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }

    private void emptyArray(String field) throws IOException {
        g.writeArrayFieldStart(field);
        g.writeEndArray();
    }

    private void number(String field, Number value) throws IOException {
        if (value == null) {
            g.writeNullField(field);
        } else {
            g.writeNumberField(field, value.longValue());
        }
    }

    private void bool(String field, Boolean value) throws IOException {
        if (value == null) {
            g.writeNullField(field);
        } else {
            g.writeBooleanField(field, value);
        }
    }

    /** Writes one item of a list. */
    @FunctionalInterface
    interface Item<T> {
        void write(T value) throws IOException;
    }
}

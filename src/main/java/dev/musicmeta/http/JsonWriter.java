package dev.musicmeta.http;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.musicmeta.catalog.Album;
import dev.musicmeta.catalog.Artist;
import dev.musicmeta.catalog.DiscographyAlbum;
import dev.musicmeta.catalog.Image;
import dev.musicmeta.catalog.Page;
import dev.musicmeta.catalog.Track;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes the API's JSON objects with a streaming generator, field names and order exactly as
 * the contract's Objects section. Every documented field is written: unknown scalars as
 * {@code null}, lists as {@code []}.
 */
final class JsonWriter implements Closeable {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final JsonGenerator g;

    private JsonWriter(JsonGenerator g) {
        this.g = g;
    }

    static JsonWriter to(OutputStream out) {
        try {
            return new JsonWriter(FACTORY.createGenerator(out, JsonEncoding.UTF8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonGenerator generator() {
        return g;
    }

    void track(Track t) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", t.id());
        g.writeStringField("name", t.name());
        g.writeStringField("isrc", t.isrc());
        number("duration_ms", t.durationMs());
        bool("explicit", t.explicit());
        number("track_number", t.trackNumber());
        number("disc_number", t.discNumber());
        number("popularity", t.popularity());
        g.writeStringField("preview_url", t.previewUrl());
        g.writeFieldName("album");
        if (t.album() == null) {
            g.writeNull();
        } else {
            album(t.album());
        }
        g.writeFieldName("artists");
        list(t.artists(), this::artist);
        bool("has_lyrics", t.hasLyrics());
        g.writeStringField("original_title", t.originalTitle());
        g.writeStringField("version_title", t.versionTitle());
        g.writeFieldName("languages");
        strings(t.languages());
        g.writeFieldName("artist_roles");
        if (t.artistRolesJson() == null) {
            g.writeNull();
        } else {
            g.writeRawValue(t.artistRolesJson()); // validated JSON, passed through as stored
        }
        g.writeEndObject();
    }

    void album(Album a) throws IOException {
        g.writeStartObject();
        albumFields(a);
        g.writeEndObject();
    }

    /** An album of an artist's discography: the album, and the group it is listed under. */
    void artistAlbum(DiscographyAlbum a) throws IOException {
        g.writeStartObject();
        albumFields(a.album());
        g.writeStringField("album_group", a.group().key());
        g.writeEndObject();
    }

    private void albumFields(Album a) throws IOException {
        g.writeStringField("id", a.id());
        g.writeStringField("name", a.name());
        g.writeStringField("album_type", a.albumType());
        g.writeStringField("label", a.label());
        g.writeStringField("release_date", a.releaseDate());
        g.writeStringField("release_date_precision", a.releaseDatePrecision());
        g.writeStringField("upc", a.upc());
        number("total_tracks", a.totalTracks());
        g.writeStringField("copyright_c", a.copyrightC());
        g.writeStringField("copyright_p", a.copyrightP());
        g.writeFieldName("images");
        list(a.images(), this::image);
        g.writeFieldName("artists");
        list(a.artists(), this::artist);
    }

    void artist(Artist a) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", a.id());
        g.writeStringField("name", a.name());
        number("followers", a.followers());
        number("popularity", a.popularity());
        g.writeFieldName("genres");
        strings(a.genres());
        g.writeFieldName("images");
        list(a.images(), this::image);
        g.writeEndObject();
    }

    void image(Image i) throws IOException {
        g.writeStartObject();
        g.writeStringField("url", i.url());
        number("width", i.width());
        number("height", i.height());
        g.writeEndObject();
    }

    <T> void page(Page<T> page, ItemWriter<T> item) throws IOException {
        g.writeStartObject();
        g.writeFieldName("items");
        list(page.items(), item);
        g.writeNumberField("limit", page.limit());
        g.writeNumberField("offset", page.offset());
        number("total", page.total());
        g.writeEndObject();
    }

    <T> void list(List<T> items, ItemWriter<T> item) throws IOException {
        g.writeStartArray();
        for (T t : items) {
            item.write(t);
        }
        g.writeEndArray();
    }

    /** An object whose keys are the requested strings, in request order. */
    <T> void keyed(Map<String, T> byKey, ItemWriter<T> item) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, T> e : byKey.entrySet()) {
            g.writeFieldName(e.getKey());
            item.write(e.getValue());
        }
        g.writeEndObject();
    }

    void strings(Collection<String> values) throws IOException {
        g.writeStartArray();
        for (String s : values) {
            g.writeString(s);
        }
        g.writeEndArray();
    }

    /** An object of string lists, e.g. the batch's {@code not_found} and {@code invalid}. */
    void stringLists(Map<String, ? extends Collection<String>> lists) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, ? extends Collection<String>> e : lists.entrySet()) {
            g.writeFieldName(e.getKey());
            strings(e.getValue());
        }
        g.writeEndObject();
    }

    void problem(String type, String title, int status, String detail) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", type);
        g.writeStringField("title", title);
        g.writeNumberField("status", status);
        g.writeStringField("detail", detail);
        g.writeEndObject();
    }

    private void number(String field, Number value) throws IOException {
        g.writeFieldName(field);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeNumber(value.longValue());
        }
    }

    private void bool(String field, Boolean value) throws IOException {
        g.writeFieldName(field);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeBoolean(value);
        }
    }

    @Override
    public void close() throws IOException {
        g.close();
    }

    /** Writes one value of a list or map. */
    @FunctionalInterface
    interface ItemWriter<T> {
        void write(T value) throws IOException;
    }
}

package dev.musicmeta.http;

import dev.musicmeta.catalog.Album;
import dev.musicmeta.catalog.Artist;
import dev.musicmeta.catalog.Catalog;
import dev.musicmeta.catalog.Track;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code POST /batch/lookup}: up to {@link #MAX_ITEMS} tracks, artists, albums and ISRCs in one
 * request, answered with one catalog call per kind so the number of SQL statements does not grow
 * with the number of items.
 */
final class BatchRoutes {

    static final int MAX_ITEMS = 400;
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final Supplier<Catalog> catalog;
    private final Responder responder;

    BatchRoutes(Supplier<Catalog> catalog, Responder responder) {
        this.catalog = catalog;
        this.responder = responder;
    }

    void register(RouteTable routes) {
        routes.post("/batch/lookup", this::lookup);
    }

    private void lookup(Context ctx) throws IOException {
        BatchRequest request = BatchRequest.parse(RequestBody.json(ctx, MAX_BODY_BYTES));
        Part<Track> tracks = new Part<>(request, BatchKind.TRACKS);
        Part<Artist> artists = new Part<>(request, BatchKind.ARTISTS);
        Part<Album> albums = new Part<>(request, BatchKind.ALBUMS);
        Part<Track> isrcs = new Part<>(request, BatchKind.ISRCS);
        List<Part<?>> parts = List.of(tracks, artists, albums, isrcs);
        int items = parts.stream().mapToInt(Part::distinctItems).sum();
        if (items == 0 || items > MAX_ITEMS) {
            throw new ProblemException(ProblemType.INVALID_BODY, "a batch holds 1 to " + MAX_ITEMS
                    + " distinct items in all of tracks, artists, albums and isrcs (a URI and its id, or two spellings"
                    + " of one ISRC, are one item); this one holds " + items);
        }
        Catalog c = catalog.get();
        tracks.resolve(c::tracks);
        artists.resolve(c::artists);
        albums.resolve(c::albums);
        isrcs.resolve(c::bestTrackByIsrc);
        responder.json(ctx, Responder.Caching.NONE, w -> {
            var g = w.generator();
            g.writeStartObject();
            g.writeFieldName("tracks");
            w.keyed(tracks.found, w::track);
            g.writeFieldName("artists");
            w.keyed(artists.found, w::artist);
            g.writeFieldName("albums");
            w.keyed(albums.found, w::album);
            g.writeFieldName("isrcs");
            w.keyed(isrcs.found, w::track);
            writeLists(w, "not_found", parts, p -> p.notFound);
            writeLists(w, "invalid", parts, p -> p.invalid);
            g.writeEndObject();
        });
    }

    private static void writeLists(JsonWriter w, String field, List<Part<?>> parts,
            Function<Part<?>, Collection<String>> list) throws IOException {
        Map<String, Collection<String>> lists = new LinkedHashMap<>();
        for (Part<?> p : parts) {
            lists.put(p.kind.key(), list.apply(p));
        }
        w.generator().writeFieldName(field);
        w.stringLists(lists);
    }

    /** One kind's requested strings: valid ones with their catalog key, malformed ones apart. */
    private static final class Part<T> {
        final BatchKind kind;
        final Map<String, String> keyByRequested = new LinkedHashMap<>();
        final Set<String> keys = new LinkedHashSet<>();
        final Set<String> invalid = new LinkedHashSet<>();
        final Map<String, T> found = new LinkedHashMap<>();
        final List<String> notFound = new ArrayList<>();

        Part(BatchRequest request, BatchKind kind) {
            this.kind = kind;
            for (String s : request.requested().getOrDefault(kind, List.of())) {
                String key = kind.normalize(s);
                if (key == null) {
                    invalid.add(s);
                } else {
                    keyByRequested.put(s, key);
                    keys.add(key);
                }
            }
        }

        int distinctItems() {
            return keys.size() + invalid.size();
        }

        /** One catalog call for all keys of this kind; none when there are none. */
        void resolve(Function<Collection<String>, Map<String, T>> lookup) {
            Map<String, T> byKey = keys.isEmpty() ? Map.of() : lookup.apply(keys);
            keyByRequested.forEach((requested, key) -> {
                T item = byKey.get(key);
                if (item != null) {
                    found.put(requested, item);
                } else {
                    notFound.add(requested);
                }
            });
        }
    }
}

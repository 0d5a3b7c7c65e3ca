package dev.musicmeta.http.spotify;

import dev.musicmeta.catalog.Album;
import dev.musicmeta.catalog.Artist;
import dev.musicmeta.catalog.Catalog;
import dev.musicmeta.catalog.Page;
import dev.musicmeta.catalog.SearchRequest;
import dev.musicmeta.catalog.Track;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code GET /v1/search?q=&type=&limit=&offset=}: one paging object per requested type, under
 * {@code tracks}, {@code artists} and {@code albums} (full tracks and artists, simplified albums,
 * as Spotify answers). Spotify's query syntax is the catalog's own ({@code track:},
 * {@code artist:}, {@code album:}, {@code year:}, {@code genre:}, {@code isrc:}, {@code upc:}),
 * so {@code q} goes to the catalog as it is; {@code tag:new} and {@code tag:hipster} are refused,
 * the snapshot having no such tags. Types the catalog does not hold (playlists, shows, episodes,
 * audiobooks) answer an empty page.
 */
final class SearchRoute {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = SearchRequest.MAX_LIMIT;
    /** Spotify's bound on search offsets. */
    static final int MAX_OFFSET = 1000;

    private static final Pattern TAG_FILTER = Pattern.compile("(?i)(^|\\s)tag:");
    private static final String TYPES = "a comma-separated list of track, artist and album (playlist, show, episode"
            + " and audiobook are accepted and answer empty pages: the catalog holds none)";

    /** The types of Spotify's search, in the order the answer lists them. */
    enum Type {
        TRACK, ARTIST, ALBUM, PLAYLIST, SHOW, EPISODE, AUDIOBOOK;

        final String param = name().toLowerCase(Locale.ROOT);
        final String key = param + "s";
    }

    private final Supplier<Catalog> catalog;
    private final Answers answers;

    SearchRoute(Supplier<Catalog> catalog, Answers answers) {
        this.catalog = catalog;
        this.answers = answers;
    }

    void register() {
        answers.mount().get(SpotifyApi.V1 + "/search", this::search);
    }

    private void search(Context ctx) throws Exception {
        Params params = Params.parse(ctx.queryString());
        String q = params.required("q", "the words to search for, with Spotify's filters (track:, artist:,"
                + " album:, year:, genre:, isrc:, upc:) if any");
        if (TAG_FILTER.matcher(q).find()) {
            throw SpotifyException.badRequest("tag:new and tag:hipster are not supported: the snapshot has no"
                    + " new-release or low-popularity tags; search with the other filters");
        }
        Set<Type> types = types(params.required("type", TYPES));
        int limit = params.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = params.integer("offset", 0, 0, MAX_OFFSET);
        SearchRequest request;
        try {
            request = new SearchRequest(q, limit, offset);
        } catch (IllegalArgumentException e) {
            throw SpotifyException.badRequest(e.getMessage());
        }
        Catalog c = catalog.get();
        Links links = answers.links(ctx);
        List<Section> sections = new ArrayList<>(types.size());
        for (Type type : types) {
            sections.add(new Section(type.key, switch (type) {
                case TRACK -> {
                    Paging<Track> page = paging(type, request, links, c.searchTracks(request));
                    yield json -> json.paging(page, json::track);
                }
                case ARTIST -> {
                    Paging<Artist> page = paging(type, request, links, c.searchArtists(request));
                    yield json -> json.paging(page, json::artist);
                }
                case ALBUM -> {
                    Paging<Album> page = paging(type, request, links, c.searchAlbums(request));
                    yield json -> json.paging(page, json::simplifiedAlbum);
                }
                default -> {
                    Paging<Object> page = paging(type, request, links, new Page<>(List.of(), limit, offset, 0L));
                    yield json -> json.paging(page, item -> { });
                }
            }));
        }
        answers.send(ctx, links, json -> {
            json.generator().writeStartObject();
            for (Section section : sections) {
                json.generator().writeFieldName(section.key());
                section.body().write(json);
            }
            json.generator().writeEndObject();
        });
    }

    /**
     * Spotify's {@code total} is a number; the catalog's is {@code null} where it cannot count
     * cheaply (past 1,000 matches). A page that is not full is the last, which gives the count;
     * otherwise there are more than the pages so far: {@code offset + limit + 1}, a lower bound
     * that keeps {@code next} pointing at the following page.
     */
    static long total(Page<?> page, SearchRequest request) {
        if (page.total() != null) {
            return page.total();
        }
        if (page.items().size() < request.limit()) {
            return (long) request.offset() + page.items().size();
        }
        return (long) request.offset() + request.limit() + 1;
    }

    private static <T> Paging<T> paging(Type type, SearchRequest request, Links links, Page<T> page) {
        String prefix = SpotifyApi.V1 + "/search?q=" + Links.encode(request.q()) + "&type=" + type.param;
        return Paging.of(page.items(), request.offset(), request.limit(), total(page, request), MAX_OFFSET,
                (offset, limit) -> links.url(prefix + "&offset=" + offset + "&limit=" + limit));
    }

    private static Set<Type> types(String raw) {
        Set<Type> types = EnumSet.noneOf(Type.class);
        for (String part : raw.split(",", -1)) {
            Type type = null;
            for (Type t : Type.values()) {
                if (t.param.equals(part.strip())) {
                    type = t;
                }
            }
            if (type == null) {
                throw SpotifyException.badRequest("type " + Params.printable(part) + " is not known: type is " + TYPES);
            }
            types.add(type);
        }
        return types;
    }

    /** One type's paging object, under its key. */
    private record Section(String key, Answers.Writer body) {}
}

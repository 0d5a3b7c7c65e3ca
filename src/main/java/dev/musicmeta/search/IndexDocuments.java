package dev.musicmeta.search;

import dev.musicmeta.catalog.Album;
import dev.musicmeta.catalog.Artist;
import dev.musicmeta.catalog.CatalogScan.RankedItem;
import dev.musicmeta.catalog.Isrcs;
import dev.musicmeta.catalog.SearchKind;
import dev.musicmeta.catalog.Track;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;

/**
 * Turns catalog items, as the API serves them, into index documents; see {@link Fields}. Names
 * and genres are the served ones: NULL and blank ones left out, each genre once. One instance a
 * build, shared by its threads.
 */
final class IndexDocuments {

    /** Words with positions (for quoted phrases), no norms: scores never depend on length. */
    private static final FieldType WORDS = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        WORDS.setOmitNorms(true);
        WORDS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        WORDS.freeze();
    }

    /** The title's words: with positions, and their count as the norm ({@link WordCounts}). */
    private static final FieldType TITLE = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        TITLE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        TITLE.freeze();
    }

    /** Words only: where a word occurs, nothing else. */
    private static final FieldType WORDS_ONLY = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        WORDS_ONLY.setOmitNorms(true);
        WORDS_ONLY.setIndexOptions(IndexOptions.DOCS);
        WORDS_ONLY.freeze();
    }

    /** Slots of {@link #artistKeys}: a power of two. */
    private static final int KEY_SLOTS = 1 << 15;

    /**
     * Artists' exact keys by name, for one build: an artist is credited on many tracks and
     * albums, and its key costs a pass of {@link NameAnalyzer#EXACT} over its name. A table with
     * one slot per name hash (the last name to land there wins) is bounded at any catalog size and
     * needs neither lock nor upkeep: threads may race on a slot, and then one memo is lost, never a
     * key. A Caffeine cache here spent more on its upkeep (and its compilation) than it saved.
     */
    private final NameKey[] artistKeys = new NameKey[KEY_SLOTS];

    /** A name and its exact key ({@code null} when it has none); final fields, so safely shared. */
    private record NameKey(String name, String key) {}

    Document track(RankedItem<Track> item) {
        Track track = item.item();
        Album album = track.album();
        Document doc = common(SearchKind.TRACKS, item.rowid(), track.name(), item.rank());
        List<String> artists = names(track.artists());
        words(doc, Fields.ARTIST, artists);
        artistKeys(doc, artists);
        words(doc, Fields.GENRE, genres(track.artists()));
        String albumName = album == null ? null : album.name();
        if (albumName != null) {
            doc.add(new Field(Fields.ALBUM, albumName, WORDS));
        }
        allWords(doc, track.name(), artists, albumName);
        Integer year = album == null ? null : Fields.year(album.releaseDate());
        if (year != null) {
            doc.add(new IntField(Fields.YEAR, year, Field.Store.NO));
        }
        String isrc = track.isrc() == null ? null : Isrcs.tryNormalize(track.isrc());
        if (isrc != null) {
            doc.add(new StringField(Fields.ISRC, isrc, Field.Store.NO));
        }
        String upc = album == null ? null : Fields.normalizeUpc(album.upc());
        if (upc != null) {
            doc.add(new StringField(Fields.UPC, upc, Field.Store.NO)); // upc: on tracks: the album's
        }
        if (track.explicit() != null) {
            doc.add(new StringField(Fields.EXPLICIT, track.explicit().toString(), Field.Store.NO));
        }
        return doc;
    }

    Document album(RankedItem<Album> item) {
        Album album = item.item();
        Document doc = common(SearchKind.ALBUMS, item.rowid(), album.name(), item.rank());
        List<String> artists = names(album.artists());
        words(doc, Fields.ARTIST, artists);
        artistKeys(doc, artists);
        allWords(doc, album.name(), artists, null);
        words(doc, Fields.GENRE, genres(album.artists()));
        Integer year = Fields.year(album.releaseDate());
        if (year != null) {
            doc.add(new IntField(Fields.YEAR, year, Field.Store.NO));
        }
        String upc = Fields.normalizeUpc(album.upc());
        if (upc != null) {
            doc.add(new StringField(Fields.UPC, upc, Field.Store.NO));
        }
        if (album.albumType() != null) {
            doc.add(new StringField(Fields.ALBUM_TYPE, album.albumType().toLowerCase(Locale.ROOT), Field.Store.NO));
        }
        return doc;
    }

    Document artist(RankedItem<Artist> item) {
        Artist artist = item.item();
        Document doc = common(SearchKind.ARTISTS, item.rowid(), artist.name(), item.rank());
        if (artist.name() != null) {
            doc.add(new Field(Fields.PREFIXES, artist.name(), WORDS_ONLY));
        }
        words(doc, Fields.GENRE, artist.genres());
        return doc;
    }

    /** The names of the artists, in their order, NULL names left out. */
    private static List<String> names(List<Artist> artists) {
        List<String> names = new ArrayList<>(artists.size());
        for (Artist artist : artists) {
            if (artist.name() != null) {
                names.add(artist.name());
            }
        }
        return names;
    }

    /** The genres of the artists, each once, in order of first appearance. */
    private static Set<String> genres(List<Artist> artists) {
        Set<String> genres = new LinkedHashSet<>();
        for (Artist artist : artists) {
            genres.addAll(artist.genres());
        }
        return genres;
    }

    /**
     * The fields of every kind: rowid, rank (-1 for none) and name. A track's or album's name is
     * split into its title and the rest (see {@link Titles}); an artist's name is all title.
     */
    private static Document common(SearchKind kind, long rowid, String name, Long rank) {
        Document doc = new Document();
        doc.add(new NumericDocValuesField(Fields.ROWID, rowid));
        doc.add(new NumericDocValuesField(Fields.RANK, rank == null ? -1 : rank));
        if (name != null) {
            String title = kind == SearchKind.ARTISTS ? name : Titles.base(name);
            doc.add(new Field(Fields.NAME, title, TITLE));
            if (title.length() < name.length()) {
                doc.add(new Field(Fields.VERSION, name.substring(title.length()), WORDS));
            }
            String key = NameAnalyzer.exactKey(name);
            if (key != null) {
                doc.add(new StringField(Fields.NAME_EXACT, key, Field.Store.NO));
            }
            String titleKey = title.length() < name.length() ? NameAnalyzer.exactKey(title) : null;
            if (titleKey != null && !titleKey.equals(key)) {
                doc.add(new StringField(Fields.TITLE_EXACT, titleKey, Field.Store.NO));
            }
        }
        return doc;
    }

    /** Each artist's whole name as one term ({@link Fields#ARTIST_EXACT}). */
    private void artistKeys(Document doc, List<String> artists) {
        for (String artist : artists) {
            String key = artistKey(artist);
            if (key != null) {
                doc.add(new StringField(Fields.ARTIST_EXACT, key, Field.Store.NO));
            }
        }
    }

    private String artistKey(String name) {
        int hash = name.hashCode();
        int slot = (hash ^ (hash >>> 16)) & (KEY_SLOTS - 1);
        NameKey memo = artistKeys[slot];
        if (memo != null && memo.name().equals(name)) {
            return memo.key();
        }
        String key = NameAnalyzer.exactKey(name);
        artistKeys[slot] = new NameKey(name, key);
        return key;
    }

    /** The text in {@link Fields#WORDS} and {@link Fields#PREFIXES}. */
    private static void allWords(Document doc, String name, List<String> artists, String album) {
        if (name != null) {
            wordsAndPrefixes(doc, name);
        }
        for (String artist : artists) {
            wordsAndPrefixes(doc, artist);
        }
        if (album != null) {
            wordsAndPrefixes(doc, album);
        }
    }

    private static void wordsAndPrefixes(Document doc, String text) {
        doc.add(new Field(Fields.WORDS, text, WORDS_ONLY));
        doc.add(new Field(Fields.PREFIXES, text, WORDS_ONLY));
    }

    private static void words(Document doc, String field, Iterable<String> values) {
        for (String value : values) {
            doc.add(new Field(field, value, WORDS));
        }
    }
}

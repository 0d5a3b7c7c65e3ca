package dev.musicmeta.search;

import dev.musicmeta.catalog.Isrcs;
import dev.musicmeta.search.IndexRows.AlbumRow;
import dev.musicmeta.search.IndexRows.ArtistRow;
import dev.musicmeta.search.IndexRows.TrackRow;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;

/** Turns catalog rows into index documents; see {@link Fields}. */
final class IndexDocuments {

    /** Words with positions (for quoted phrases), no norms: scores never depend on length. */
    private static final FieldType WORDS = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        WORDS.setOmitNorms(true);
        WORDS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        WORDS.freeze();
    }

    /** Words only: where a word occurs, nothing else. */
    private static final FieldType WORDS_ONLY = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        WORDS_ONLY.setOmitNorms(true);
        WORDS_ONLY.setIndexOptions(IndexOptions.DOCS);
        WORDS_ONLY.freeze();
    }

    private IndexDocuments() {}

    static Document track(TrackRow row) {
        Document doc = common(SearchKind.TRACKS, row.rowid(), row.name(), row.popularity());
        words(doc, Fields.ARTIST, row.artists());
        words(doc, Fields.GENRE, row.genres());
        if (row.album() != null) {
            doc.add(new Field(Fields.ALBUM, row.album(), WORDS));
        }
        allWords(doc, row.name(), row.artists(), row.album());
        if (row.year() != null) {
            doc.add(new IntField(Fields.YEAR, row.year(), Field.Store.NO));
        }
        String isrc = row.isrc() == null ? null : Isrcs.tryNormalize(row.isrc());
        if (isrc != null) {
            doc.add(new StringField(Fields.ISRC, isrc, Field.Store.NO));
        }
        if (row.explicit() != null) {
            doc.add(new StringField(Fields.EXPLICIT, row.explicit().toString(), Field.Store.NO));
        }
        return doc;
    }

    static Document album(AlbumRow row) {
        Document doc = common(SearchKind.ALBUMS, row.rowid(), row.name(), row.popularity());
        words(doc, Fields.ARTIST, row.artists());
        allWords(doc, row.name(), row.artists(), null);
        words(doc, Fields.GENRE, row.genres());
        if (row.year() != null) {
            doc.add(new IntField(Fields.YEAR, row.year(), Field.Store.NO));
        }
        String upc = Fields.normalizeUpc(row.upc());
        if (upc != null) {
            doc.add(new StringField(Fields.UPC, upc, Field.Store.NO));
        }
        if (row.albumType() != null) {
            doc.add(new StringField(Fields.ALBUM_TYPE, row.albumType().toLowerCase(Locale.ROOT), Field.Store.NO));
        }
        return doc;
    }

    static Document artist(ArtistRow row) {
        Document doc = common(SearchKind.ARTISTS, row.rowid(), row.name(),
                row.followers() == null ? null : row.followers());
        if (row.name() != null) {
            doc.add(new Field(Fields.PREFIXES, row.name(), WORDS_ONLY));
        }
        words(doc, Fields.GENRE, row.genres());
        return doc;
    }

    private static Document common(SearchKind kind, long rowid, String name, Number rank) {
        Document doc = new Document();
        doc.add(new NumericDocValuesField(Fields.ROWID, rowid));
        long value = rank == null ? -1 : rank.longValue();
        doc.add(new NumericDocValuesField(Fields.RANK, value));
        doc.add(new FeatureField(Fields.FEATURES, Fields.RANK_FEATURE, Ranking.featureValue(kind, value)));
        if (name != null) {
            doc.add(new Field(Fields.NAME, name, WORDS));
            String key = NameAnalyzer.exactKey(name);
            if (key != null) {
                doc.add(new StringField(Fields.NAME_EXACT, key, Field.Store.NO));
            }
        }
        return doc;
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

    private static void words(Document doc, String field, List<String> values) {
        for (String value : values) {
            doc.add(new Field(field, value, WORDS));
        }
    }
}

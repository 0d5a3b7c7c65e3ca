package dev.musicmeta.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Everything one Lucene index holds, as lines of text: each field's terms with their documents,
 * frequencies and positions, norms, numeric doc values and points, by document number, fields
 * by name. Two
 * indexes of the same documents in the same index order dump the same lines. Run as a program
 * ({@code java -cp ... dev.musicmeta.testing.IndexDump FOLDER}) it prints the dump.
 */
public final class IndexDump {

    private IndexDump() {}

    public static List<String> lines(Path folder) throws IOException {
        List<String> out = new ArrayList<>();
        try (FSDirectory directory = FSDirectory.open(folder); DirectoryReader reader = DirectoryReader.open(directory)) {
            for (LeafReaderContext context : reader.leaves()) {
                LeafReader leaf = context.reader();
                int base = context.docBase;
                out.add("documents " + leaf.numDocs());
                List<FieldInfo> fields = new ArrayList<>();
                leaf.getFieldInfos().forEach(fields::add);
                fields.sort(Comparator.comparing(field -> field.name)); // numbered by first use, which may vary
                for (FieldInfo field : fields) {
                    terms(out, leaf, field.name, base);
                    if (field.hasNorms()) {
                        numeric(out, "norm " + field.name, leaf.getNormValues(field.name), base);
                    }
                    switch (field.getDocValuesType()) {
                        case NUMERIC -> numeric(out, "value " + field.name, leaf.getNumericDocValues(field.name), base);
                        case SORTED_NUMERIC -> sortedNumeric(out, field.name, leaf.getSortedNumericDocValues(field.name),
                                base);
                        default -> { }
                    }
                    if (field.getPointDimensionCount() > 0) {
                        points(out, field.name, leaf.getPointValues(field.name), base);
                    }
                }
            }
        }
        return out;
    }

    private static void terms(List<String> out, LeafReader leaf, String field, int base) throws IOException {
        Terms terms = leaf.terms(field);
        if (terms == null) {
            return;
        }
        TermsEnum term = terms.iterator();
        PostingsEnum postings = null;
        for (BytesRef bytes = term.next(); bytes != null; bytes = term.next()) {
            String text = bytes.utf8ToString();
            postings = term.postings(postings, terms.hasPositions() ? PostingsEnum.POSITIONS : PostingsEnum.FREQS);
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                StringBuilder line = new StringBuilder("term ").append(field).append(' ').append(text).append(" doc ")
                        .append(base + doc);
                if (terms.hasFreqs()) {
                    int freq = postings.freq();
                    line.append(" freq ").append(freq);
                    if (terms.hasPositions()) {
                        line.append(" at");
                        for (int i = 0; i < freq; i++) {
                            line.append(' ').append(postings.nextPosition());
                        }
                    }
                }
                out.add(line.toString());
            }
        }
    }

    private static void numeric(List<String> out, String what, NumericDocValues values, int base) throws IOException {
        if (values == null) {
            return;
        }
        for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
            out.add(what + " doc " + (base + doc) + " " + values.longValue());
        }
    }

    private static void sortedNumeric(List<String> out, String field, SortedNumericDocValues values, int base)
            throws IOException {
        if (values == null) {
            return;
        }
        for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
            StringBuilder line = new StringBuilder("values ").append(field).append(" doc ").append(base + doc);
            for (int i = 0; i < values.docValueCount(); i++) {
                line.append(' ').append(values.nextValue());
            }
            out.add(line.toString());
        }
    }

    private static void points(List<String> out, String field, PointValues values, int base) throws IOException {
        if (values == null) {
            return;
        }
        List<String> lines = new ArrayList<>();
        values.intersect(new PointValues.IntersectVisitor() {
            @Override
            public void visit(int doc) {
                throw new IllegalStateException("every cell is crossed, so every point is visited with its value");
            }

            @Override
            public void visit(int doc, byte[] packed) {
                lines.add("point " + field + " doc " + (base + doc) + " " + HexFormat.of().formatHex(packed));
            }

            @Override
            public PointValues.Relation compare(byte[] min, byte[] max) {
                return PointValues.Relation.CELL_CROSSES_QUERY;
            }
        });
        lines.sort(null);
        out.addAll(lines);
    }

    public static void main(String[] args) throws IOException {
        for (String line : lines(Path.of(args[0]))) {
            System.out.println(line);
        }
    }
}

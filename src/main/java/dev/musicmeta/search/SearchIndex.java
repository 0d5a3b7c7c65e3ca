package dev.musicmeta.search;

import dev.musicmeta.catalog.CatalogUnavailableException;
import dev.musicmeta.catalog.SearchRequest;
import dev.musicmeta.catalog.SearchTimeoutException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * A built search index, open for searching: one memory-mapped reader per {@link SearchKind},
 * shared by all threads. Searches return catalog rowids; the catalog turns them into objects.
 */
public final class SearchIndex implements AutoCloseable {

    /**
     * Matches are counted exactly up to this many; past it Lucene may skip documents that cannot
     * make the page and {@code total} is {@code null}. Equal to the deepest page one can ask for.
     */
    public static final int COUNT_EXACTLY_UP_TO = Integer.getInteger("cnt", SearchRequest.MAX_WINDOW);

    private final Path folder;
    private final IndexManifest manifest;
    private final Map<SearchKind, DirectoryReader> readers;

    private SearchIndex(Path folder, IndexManifest manifest, Map<SearchKind, DirectoryReader> readers) {
        this.folder = folder;
        this.manifest = manifest;
        this.readers = readers;
    }

    /** Whether {@code folder} holds an index (its manifest), complete or not. */
    public static boolean exists(Path folder) {
        return Files.isRegularFile(folder.resolve(IndexManifest.FILE));
    }

    /**
     * Opens the index in {@code folder}.
     *
     * @throws IOException when it is missing, of another format, or unreadable
     */
    public static SearchIndex open(Path folder) throws IOException {
        IndexManifest manifest = IndexManifest.read(folder);
        if (manifest.format() != IndexManifest.FORMAT) {
            throw new IOException("format " + manifest.format() + ", this version serves format "
                    + IndexManifest.FORMAT);
        }
        Map<SearchKind, DirectoryReader> readers = new EnumMap<>(SearchKind.class);
        try {
            for (SearchKind kind : SearchKind.values()) {
                readers.put(kind, DirectoryReader.open(new MMapDirectory(folder.resolve(kind.folder()))));
            }
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(readers.values());
            throw e;
        }
        return new SearchIndex(folder, manifest, readers);
    }

    public Path folder() {
        return folder;
    }

    public IndexManifest manifest() {
        return manifest;
    }

    /**
     * The rowids of one page of results for {@code request}, best first: relevance, then
     * popularity (artists: followers), then rowid.
     *
     * @throws SearchTimeoutException when the search runs past {@code budget}
     */
    public SearchHits search(SearchKind kind, SearchRequest request, Duration budget) {
        Query query = QueryBuilder.build(kind, QueryParser.parse(request.q()));
        if (query == null) {
            return SearchHits.NONE;
        }
        // A searcher per search is cheap and holds this search's own deadline and timed-out flag.
        IndexSearcher searcher = new IndexSearcher(readers.get(kind));
        long deadline = System.nanoTime() + budget.toNanos();
        QueryTimeout timeout = () -> System.nanoTime() - deadline > 0;
        searcher.setTimeout(timeout);
        int window = request.offset() + request.limit();
        TopFieldDocs top;
        try {
            top = searcher.search(query, new TopFieldCollectorManager(Ranking.SORT, window, null,
                    Math.max(window, COUNT_EXACTLY_UP_TO)));
        } catch (IndexSearcher.TooManyClauses e) {
            return SearchHits.NONE; // cannot happen within 200 characters; never a 500 if it does
        } catch (IOException e) {
            throw new CatalogUnavailableException("search index " + folder + " cannot be read", e);
        }
        if (searcher.timedOut()) {
            throw new SearchTimeoutException("search ran past its budget of " + budget.toMillis() + " ms");
        }
        ScoreDoc[] docs = top.scoreDocs;
        int from = Math.min(request.offset(), docs.length);
        long[] rowids = new long[docs.length - from];
        for (int i = from; i < docs.length; i++) {
            rowids[i - from] = (Long) ((FieldDoc) docs[i]).fields[2];
        }
        Long total = top.totalHits.relation == TotalHits.Relation.EQUAL_TO ? top.totalHits.value : null;
        return new SearchHits(rowids, total);
    }

    @Override
    public void close() {
        IOUtils.closeWhileHandlingException(readers.values());
    }
}

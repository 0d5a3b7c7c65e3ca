package dev.musicmeta.search;

import dev.musicmeta.catalog.CatalogUnavailableException;
import dev.musicmeta.catalog.InvalidSearchException;
import dev.musicmeta.catalog.SearchHits;
import dev.musicmeta.catalog.SearchKind;
import dev.musicmeta.catalog.SearchRequest;
import dev.musicmeta.catalog.SearchTimeoutException;
import dev.musicmeta.catalog.Searcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.IOUtils;

/**
 * A built search index, open for searching: one reader per {@link SearchKind}, shared by all
 * threads. The files are read with positional reads ({@link PreadDirectory}), not memory-mapped:
 * a mapped file truncated or rewritten while served faults the JVM (an {@link InternalError}, or
 * SIGBUS), where a read fails with an {@link IOException} that answers 503. As the catalog's {@link Searcher} it answers rowids, which the catalog
 * turns into items; each search is bounded by the budget the index was opened with.
 */
public final class SearchIndex implements Searcher {

    /**
     * Matches are counted exactly up to this many; past it {@code total} is {@code null}. Counting
     * costs a pass over the matches, and a first page needs far fewer of them.
     */
    public static final int COUNT_EXACTLY_UP_TO = 1_000;

    /**
     * Nor are they counted when the count would walk postings of more than this many documents
     * (Lucene's estimate): such a count costs milliseconds even when few documents match, and grows
     * with the catalog. A page that is not full needs no count: its hits are all the matches.
     */
    static final long COUNT_MAX_COST = 50_000;

    /**
     * Bytes of each open input's buffer (every clone of an input has its own). The files are read
     * in aligned blocks of {@link BlockCache#BLOCK} whatever this is, and a refill is mostly a copy
     * out of the {@link BlockCache}; a buffer of the block's size was a 4 KiB array for each of the
     * hundreds of clones a search makes, most of a search's garbage, and copied whole to read a few
     * bytes. Without the cache, 4 KiB took 0.77 of the CPU of 1 KiB (each refill a system call).
     */
    static final int READ_BUFFER = 1024;

    /**
     * Bytes of the index's most read blocks kept in memory ({@link BlockCache}): one array of a few
     * MiB of the heap, allocated when the index opens, whatever the catalog's size.
     */
    static final long BLOCK_CACHE_BYTES = 4L << 20;

    /** Prefix completions and typo fixes kept per kind: a few MB, and the words people type most. */
    private static final int EXPANSIONS_CACHED = 20_000;

    private final Path folder;
    private final IndexManifest manifest;
    private final Map<SearchKind, DirectoryReader> readers;
    private final BlockCache blocks;
    private final Map<SearchKind, TermExpander> expanders = new EnumMap<>(SearchKind.class);
    private final Duration budget;
    private final int countUpTo;
    private final long countMaxCost;
    private final SearchGate gate = SearchGate.perCore();
    /** The last search that could not read the index, until one reads it well again; else null. */
    private volatile Failed failed;
    private long rechecked;

    private record Failed(SearchKind kind, SearchRequest request, String reason) {}

    private SearchIndex(Path folder, IndexManifest manifest, Map<SearchKind, DirectoryReader> readers,
                        BlockCache blocks, Duration budget, int countUpTo, long countMaxCost) {
        this.folder = folder;
        this.manifest = manifest;
        this.readers = readers;
        this.blocks = blocks;
        this.budget = budget;
        this.countUpTo = countUpTo;
        this.countMaxCost = countMaxCost;
        readers.forEach((kind, reader) -> expanders.put(kind, TermExpander.of(reader, EXPANSIONS_CACHED)));
    }

    /** Whether {@code folder} holds an index (its manifest), complete or not. */
    public static boolean exists(Path folder) {
        return Files.isRegularFile(folder.resolve(IndexManifest.FILE));
    }

    /**
     * Opens the index in {@code folder}.
     *
     * @param budget how long one search may run; past it, it throws {@link SearchTimeoutException}
     * @throws IndexFormatException when it was built by a version that wrote another format
     * @throws IOException          when it is missing or unreadable
     */
    public static SearchIndex open(Path folder, Duration budget) throws IOException {
        return open(folder, budget, COUNT_EXACTLY_UP_TO, COUNT_MAX_COST);
    }

    /**
     * Opens the index counting matches exactly up to {@code countUpTo}, when that walks postings of
     * at most {@code countMaxCost} documents (tests use small values).
     */
    static SearchIndex open(Path folder, Duration budget, int countUpTo, long countMaxCost) throws IOException {
        IndexManifest manifest = IndexManifest.read(folder);
        if (manifest.format() != IndexManifest.FORMAT) {
            throw new IndexFormatException("format " + manifest.format() + ", this version serves format "
                    + IndexManifest.FORMAT);
        }
        Map<SearchKind, DirectoryReader> readers = new EnumMap<>(SearchKind.class);
        BlockCache blocks = new BlockCache(BLOCK_CACHE_BYTES);
        try {
            for (SearchKind kind : SearchKind.values()) {
                readers.put(kind, DirectoryReader.open(
                        new PreadDirectory(folder.resolve(IndexManifest.folder(kind)), READ_BUFFER, blocks)));
            }
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(readers.values());
            throw e;
        }
        return new SearchIndex(folder, manifest, readers, blocks, budget, countUpTo, countMaxCost);
    }

    public Path folder() {
        return folder;
    }

    public IndexManifest manifest() {
        return manifest;
    }

    /**
     * Why the index cannot be read (damaged while served), or null when it can: the last search
     * that failed to read it is run again (at most once a second) to see whether it reads well now.
     */
    public synchronized String fault() {
        Failed last = failed;
        if (last != null && System.nanoTime() - rechecked > 1_000_000_000L) {
            rechecked = System.nanoTime();
            try {
                search(last.kind(), last.request());
            } catch (RuntimeException e) {
                // still failing (failed is set again), or timed out: it says nothing about the files
            }
        }
        last = failed;
        return last == null ? null : last.reason();
    }

    /**
     * Runs {@code work} once one of the {@linkplain SearchGate gate's} turns is free: it waits
     * first come first served, at most the search budget, then the search has its own budget.
     *
     * @throws dev.musicmeta.catalog.CatalogBusyException when no turn came within the budget
     */
    @Override
    public <T> T admit(Supplier<T> work) {
        long entered = gate.enter(budget.toNanos());
        try {
            return work.get();
        } finally {
            gate.leave(entered);
        }
    }

    /**
     * The rowids of one page of results for {@code request}, best first: relevance, then
     * popularity (artists: followers), then rowid.
     *
     * @throws SearchTimeoutException when the search runs past the budget the index was opened with
     */
    @Override
    public SearchHits search(SearchKind kind, SearchRequest request) {
        return search(kind, request, budget);
    }

    /** {@link #search(SearchKind, SearchRequest)} within {@code budget}. */
    SearchHits search(SearchKind kind, SearchRequest request, Duration budget) {
        ParsedQuery parsed = QueryParser.parse(request.q()); // outside the try: bad input is no damaged index
        blocks.newSearch(); // each file read checks its size once in this search
        try {
            // Expanding prefixes reads the terms dictionary, so building the plan reads the files.
            QueryBuilder.Plan plan = QueryBuilder.build(kind, parsed, expanders.get(kind));
            if (plan == null) {
                return SearchHits.NONE;
            }
            // A searcher per search is cheap and holds this search's own deadline and timed-out flag.
            IndexSearcher searcher = new IndexSearcher(readers.get(kind));
            searcher.setSimilarity(WordCounts.INSTANCE);
            // No query cache: what it held would change Lucene's cost estimates, and with them
            // whether a total is counted (COUNT_MAX_COST), with what earlier searches happened to ask.
            searcher.setQueryCache(null);
            long deadline = System.nanoTime() + budget.toNanos();
            searcher.setTimeout(() -> System.nanoTime() - deadline > 0);
            int window = request.offset() + request.limit();
            // The tiers of the plan, best first, into one page; a tier that cannot reach the page is skipped.
            TopHits page = new TopHits(window);
            SharedTerms terms = new SharedTerms(searcher);
            QueryBuilder.Rests rests = plan.rests();
            long walked = -1; // the plan's matches, when the rests' walk saw them all
            for (QueryBuilder.Tier tier : plan.tiers()) {
                if (rests != null && tier == rests.strict()) {
                    continue; // walked with the loose rest
                }
                if (rests != null && tier == rests.loose()) {
                    walked = walkRests(searcher, page, terms, rests, budget);
                    continue;
                }
                if (page.closedTo(tier)) {
                    continue;
                }
                Query query = terms.share(tier.query());
                if (tier.bonusFirst()) {
                    searcher.search(withBonus(query, tier, terms), page.withBonus(tier));
                    checkTime(searcher, budget);
                    tier = tier.withoutBonus();
                    if (page.closedTo(tier)) {
                        continue;
                    }
                }
                Weight bonus = tier.bonus() == null ? null
                        : searcher.createWeight(searcher.rewrite(terms.share(tier.bonus())), ScoreMode.COMPLETE, 1f);
                searcher.search(query, page.manager(tier, bonus));
                checkTime(searcher, budget);
            }
            List<TopHits.Hit> hits = page.hits();
            // A page that is not full saw every match: no tier stopped early.
            Long total = hits.size() < window ? (hits.size() <= countUpTo ? Long.valueOf(hits.size()) : null)
                    : walked >= 0 ? counted(searcher, terms.share(plan.all()), walked)
                    : count(searcher, terms.share(plan.all()), budget);
            if (failed != null) {
                failed = null;
            }
            return new SearchHits(rowids(hits, request.offset()), total);
        } catch (IndexSearcher.TooManyClauses e) {
            return SearchHits.NONE; // cannot happen within 200 characters; never a 500 if it does
        } catch (SearchTimeoutException | InvalidSearchException e) {
            throw e; // the request's, not the files'

        } catch (IOException | RuntimeException e) {
            // A file truncated or rewritten under the reader reads short (IOException) or as garbage,
            // which Lucene may meet with any RuntimeException: the index is damaged, not the request.
            failed = new Failed(kind, request, e.toString());
            blocks.clear(); // what was kept may be what changed: the next searches read the files
            throw new CatalogUnavailableException("search index " + folder + " cannot be read: " + e, e, true);
        }
    }

    /**
     * The plan's two rests (see {@link QueryBuilder.Rests}): the loose rest's documents that have its
     * own bonus first, when it has one, as it would alone; then both rests in one walk of the plan's
     * matches, or each alone when the page is closed to the other. Returns the
     * number of matches when that walk saw them all, else -1.
     */
    private long walkRests(IndexSearcher searcher, TopHits page, SharedTerms terms, QueryBuilder.Rests rests,
                           Duration budget) throws IOException {
        QueryBuilder.Tier strict = rests.strict();
        QueryBuilder.Tier loose = rests.loose();
        if (!page.closedTo(loose) && loose.bonusFirst()) {
            searcher.search(withBonus(terms.share(loose.query()), loose, terms), page.withBonus(loose));
            checkTime(searcher, budget);
            loose = loose.withoutBonus();
        }
        boolean strictOpen = !page.closedTo(strict);
        boolean looseOpen = !page.closedTo(loose);
        if (!strictOpen || !looseOpen) {
            if (strictOpen || looseOpen) {
                QueryBuilder.Tier alone = strictOpen ? strict : loose;
                searcher.search(terms.share(alone.query()), page.manager(alone, bonusWeight(searcher, terms, alone)));
                checkTime(searcher, budget);
            }
            return -1;
        }
        Weight strictWeight = searcher.createWeight(searcher.rewrite(terms.share(rests.strictQuery())),
                ScoreMode.COMPLETE, 1f);
        long total = searcher.search(terms.share(rests.all()), page.rests(strict, strictWeight,
                bonusWeight(searcher, terms, strict), loose, bonusWeight(searcher, terms, loose)));
        checkTime(searcher, budget);
        return total;
    }

    private static Weight bonusWeight(IndexSearcher searcher, SharedTerms terms, QueryBuilder.Tier tier)
            throws IOException {
        return tier.bonus() == null ? null
                : searcher.createWeight(searcher.rewrite(terms.share(tier.bonus())), ScoreMode.COMPLETE, 1f);
    }

    /** The tier's documents that have its bonus, scored with it. */
    private static Query withBonus(Query query, QueryBuilder.Tier tier, SharedTerms terms) throws IOException {
        return new BooleanQuery.Builder().add(query, Occur.MUST).add(terms.share(tier.bonus()), Occur.MUST).build();
    }

    /**
     * The number of matches of the plan if at most {@link #countUpTo} and cheap to count, else
     * {@code null}. Every match of the plan matches {@code query}: the loose query, or the strict
     * one when there is none.
     */
    private Long count(IndexSearcher searcher, Query query, Duration budget) throws IOException {
        Long count = searcher.search(query, MatchCount.upTo(countUpTo, countMaxCost));
        checkTime(searcher, budget);
        return count;
    }

    /**
     * {@code walked}, the number of matches of {@code query} that a walk saw, by the rules of {@link
     * #count}: {@code null} past {@link #countUpTo}, or where the count's walk would have been longer
     * than {@link #countMaxCost} documents by Lucene's estimate (that of {@link MatchCount}'s own
     * query, so the same searches answer {@code null}).
     */
    private Long counted(IndexSearcher searcher, Query query, long walked) throws IOException {
        if (walked > countUpTo) {
            return null;
        }
        // As IndexSearcher builds the weight a count is given: unscored, with its rewrites.
        Weight weight = searcher.createWeight(searcher.rewrite(new ConstantScoreQuery(query)),
                ScoreMode.COMPLETE_NO_SCORES, 1f);
        long cost = 0;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            if (weight.count(leaf) < 0) {
                ScorerSupplier supplier = weight.scorerSupplier(leaf);
                cost += supplier == null ? 0 : supplier.cost();
            }
        }
        return cost > countMaxCost ? null : walked;
    }

    private static void checkTime(IndexSearcher searcher, Duration budget) {
        if (searcher.timedOut()) {
            throw new SearchTimeoutException("search ran past its budget of " + budget.toMillis() + " ms");
        }
    }

    private static long[] rowids(List<TopHits.Hit> hits, int offset) {
        int from = Math.min(offset, hits.size());
        long[] rowids = new long[hits.size() - from];
        for (int i = from; i < hits.size(); i++) {
            rowids[i - from] = hits.get(i).rowid();
        }
        return rowids;
    }

    @Override
    public void close() {
        IOUtils.closeWhileHandlingException(readers.values());
    }
}

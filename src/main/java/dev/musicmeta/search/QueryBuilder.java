package dev.musicmeta.search;

import dev.musicmeta.catalog.InvalidSearchException;
import dev.musicmeta.catalog.Isrcs;
import dev.musicmeta.catalog.SearchKind;
import dev.musicmeta.catalog.SearchRequest;
import dev.musicmeta.search.NameAnalyzer.Word;
import dev.musicmeta.search.ParsedQuery.Filter;
import dev.musicmeta.search.ParsedQuery.FilterKey;
import dev.musicmeta.search.ParsedQuery.Part;
import dev.musicmeta.search.ParsedQuery.Text;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.IntField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns a {@link ParsedQuery} into the tiers of Lucene queries to run for one {@link SearchKind}.
 *
 * <p>Every word is required and may match any of the kind's text fields (tracks: title, version,
 * artist names, album name; albums: name, version, artist names; artists: name). The last word
 * also matches as a prefix when it has 2 or more characters: every word it begins when it has at
 * most {@value PrefixFilter#MAX} ({@link Fields#PREFIXES}), else its
 * {@value TermExpander#MAX_COMPLETIONS} most frequent completions. A word may have one typo (see
 * {@link TermExpander}). Filters are exact words (folded), in their own field, without prefix or
 * typo. A filter that does not apply to the kind is read as plain words. Scores: see
 * {@link Ranking}.
 */
final class QueryBuilder {

    static final int MIN_PREFIX = PrefixFilter.MIN;

    /** Past this many words a query is not tried as a title and an artist: no name is that long. */
    private static final int MAX_SPLIT_WORDS = 24;
    /** Completions and typo fixes scored by the field they are in; the rest count as matched elsewhere. */
    private static final int FIELD_EXPANSIONS = 16;

    private static final Pattern YEARS = Pattern.compile("(\\d{4})?(-)?(\\d{4})?");

    private record TextField(String name, int weight) {}

    private static final Map<SearchKind, List<TextField>> TEXT_FIELDS = Map.of(
            SearchKind.TRACKS, List.of(new TextField(Fields.NAME, Ranking.TITLE_WORD),
                    new TextField(Fields.VERSION, Ranking.VERSION_WORD),
                    new TextField(Fields.ARTIST, Ranking.ARTIST_WORD), new TextField(Fields.ALBUM, Ranking.ALBUM_WORD)),
            SearchKind.ALBUMS, List.of(new TextField(Fields.NAME, Ranking.TITLE_WORD),
                    new TextField(Fields.VERSION, Ranking.VERSION_WORD),
                    new TextField(Fields.ARTIST, Ranking.ARTIST_WORD)),
            SearchKind.ARTISTS, List.of(new TextField(Fields.NAME, Ranking.TITLE_WORD)));

    /**
     * One field holding all the words of the text fields (artists: the name), where a word is
     * matched in any of them, and loosely.
     */
    private static final Map<SearchKind, String> LOOSE_FIELD = Map.of(
            SearchKind.TRACKS, Fields.WORDS, SearchKind.ALBUMS, Fields.WORDS, SearchKind.ARTISTS, Fields.NAME);

    private QueryBuilder() {}

    /**
     * One search of a plan.
     *
     * @param query        the documents and their score: a whole relevance, plus the width of the
     *                     query words found in the title in {@link Ranking#TITLE_UNIT}ths
     * @param base         relevance added to every document's score
     * @param maxRelevance the highest relevance a document can reach in the tier
     * @param titleWidth   the width of the query's distinct words: a document whose title holds
     *                     them all gets {@link Ranking#ALL_IN_TITLE} more; 0 where not counted
     * @param coverNum     with {@code coverDen}, the most of its title a document at the highest
     *                     relevance can cover ({@code 0/1}: the coverage is not counted, it is the
     *                     same for every document of the tier)
     * @param wholeTitle   only the documents whose title the query covers whole belong to the
     *                     tier; the others are left to the later tiers
     * @param bonus        {@code null}, or what a document of the tier that also matches it scores
     *                     more (at most {@link Ranking#IN_ORDER}): the words in order in the title.
     *                     Looked up by {@link TopHits} only for a document that could enter the
     *                     page with it; as a clause of the query, Lucene walked the phrase's
     *                     postings on its own, most of a long query's search
     * @param bonusFirst   the documents that have the bonus are few and cheap to find: they are
     *                     collected first (the tier's query and the bonus), then the others
     *                     ({@link #withoutBonus}), which a page that the first filled may close
     * @param lacksTitleWord only the documents whose title lacks a query word belong to the tier
     *                     (their score tells: see {@link #allInTitle}); the others, which its query
     *                     matches too, are the tier before's
     */
    record Tier(Query query, int base, int maxRelevance, int titleWidth, int coverNum, int coverDen,
                boolean wholeTitle, Query bonus, boolean bonusFirst, boolean lacksTitleWord) {

        Tier(Query query, int base, int maxRelevance, int titleWidth, int coverNum, int coverDen, boolean wholeTitle) {
            this(query, base, maxRelevance, titleWidth, coverNum, coverDen, wholeTitle, null, false, false);
        }

        Tier(Query query, int base, int maxRelevance, int titleWidth, int coverNum, int coverDen, boolean wholeTitle,
             Query bonus) {
            this(query, base, maxRelevance, titleWidth, coverNum, coverDen, wholeTitle, bonus, false, false);
        }

        /**
         * The tier's documents that do not have the bonus (when the documents that have it are
         * collected first): a lower highest relevance, where a title may be covered whole.
         */
        Tier withoutBonus() {
            return new Tier(query, base, maxRelevance - Ranking.IN_ORDER, titleWidth, countsTitle() ? 1 : 0, 1,
                    wholeTitle, null, false, lacksTitleWord);
        }

        /**
         * Whether a document of {@code score} (this tier's, without the bonus) has every query word
         * in its title: each distinct word found there adds its width in title units.
         */
        boolean allInTitle(float score) {
            return titleWidth > 0 && Math.round(score * (double) Ranking.TITLE_UNIT) % Ranking.TITLE_UNIT >= titleWidth;
        }

        boolean countsTitle() {
            return coverDen > 0 && coverNum > 0;
        }
    }

    /**
     * What to run for a query: tiers of relevance searched in turn into one page (see {@link
     * TopHits}): the whole name equals the query; the title does; the query is a title and an
     * artist; every word matched whole; some word matched only as a prefix or with a typo. A tier
     * that cannot reach the page's last hit is skipped. {@code all} matches every document of every
     * tier, for counting.
     * {@code rests}, when not {@code null}, names two of the tiers that are walked as one.
     */
    record Plan(List<Tier> tiers, Query all, Rests rests) {

        Plan(List<Tier> tiers, Query all) {
            this(tiers, all, null);
        }
    }

    /**
     * The two tiers whose titles lack a query word, matched whole ({@code strict}, whose query is
     * {@code strictQuery}, word by word) and loosely ({@code loose}), and {@code all}, the plan's
     * matches, of which they are most. The documents of both are among those of {@code all}, and
     * whether one is strict is whether {@code strictQuery} matches it: one walk of {@code all}
     * collects both tiers, scoring each document by its own tier's query. Walked apart, the two
     * walks and the count's led with nearly the same postings lists through nearly the same
     * candidates, moving every other list of every word to each of them three times.
     */
    record Rests(Tier strict, Query strictQuery, Tier loose, Query all) {}

    /**
     * The plan, or {@code null} when the text has no word and no filter applies: nothing matches.
     *
     * @throws InvalidSearchException when a filter's value does not parse (whatever the kind, so
     *                                that one query is refused or run alike for every kind)
     */
    static Plan build(SearchKind kind, ParsedQuery parsed, TermExpander expander) {
        checkFilters(parsed);
        List<Text> texts = new ArrayList<>();
        List<Query> filters = new ArrayList<>();
        for (Part part : parsed.parts()) {
            if (part instanceof Text text) {
                texts.add(text);
            } else {
                Filter filter = (Filter) part;
                if (!applies(kind, filter.key())) {
                    texts.add(filter.asText());
                    continue;
                }
                Query query = filterQuery(kind, filter);
                if (query != null) {
                    filters.add(query);
                }
                // else: a filter whose value has no word at all ("artist:!!") is dropped.
            }
        }
        List<Tier> tiers = new ArrayList<>();
        String whole = texts.isEmpty() ? nameFilterValue(kind, parsed) : wholeText(texts);
        if (whole != null && whole.length() > 4 * NameAnalyzer.MAX_EXACT_KEY) {
            whole = null;
        }
        List<Word> exactWords = whole == null ? List.of() : NameAnalyzer.EXACT.words(whole);
        String key = NameAnalyzer.exactKey(exactWords);
        if (key != null) {
            tiers.add(flat(filtered(new TermQuery(new Term(Fields.NAME_EXACT, key)), filters), Ranking.EXACT_NAME));
            if (kind != SearchKind.ARTISTS) {
                tiers.add(flat(filtered(new TermQuery(new Term(Fields.TITLE_EXACT, key)), filters), Ranking.EXACT_TITLE));
            }
        }
        Words words = words(kind, texts, expander);
        if (words.maxRelevance() == 0) {
            if (filters.isEmpty()) {
                return null;
            }
            Query only = filtered(null, filters);
            tiers.add(new Tier(only, 0, 0, 0, 0, 1, false));
            return new Plan(tiers, only);
        }
        boolean plain = texts.stream().noneMatch(Text::quoted);
        List<Word> plainWords = plain && !texts.isEmpty() ? NameAnalyzer.QUERY.words(whole) : List.of();
        if (plain && kind != SearchKind.ARTISTS && !texts.isEmpty()) {
            Query split = titleAndArtist(exactWords, expander);
            if (split != null) {
                tiers.add(flat(filtered(split, filters), Ranking.TITLE_AND_ARTIST));
            }
            Query loosely = titleLooselyAndArtist(whole, plainWords, exactWords, expander);
            if (loosely != null) {
                tiers.add(new Tier(filtered(loosely, filters), Ranking.TITLE_LOOSELY_AND_ARTIST,
                        Ranking.TITLE_LOOSELY_AND_ARTIST, 0, 1, 1, true));
            }
        }
        InOrder order = plain && words.count() > 1 && key != null
                ? inOrder(kind, key, plainWords, expander) : null;
        Query inOrder = order == null ? null : order.any();
        int bonus = inOrder == null ? 0 : Ranking.IN_ORDER;
        BooleanQuery.Builder strict = new BooleanQuery.Builder();
        words.strict().forEach(q -> strict.add(q, Occur.MUST));
        filters.forEach(f -> strict.add(f, Occur.FILTER));
        Query strictQuery = strict.build();
        // At the highest relevance every word is in the title and, with more than one, the title
        // starts with them; the title is not the query (that is the tier above), so it has at least
        // one more word: it covers at most W / (W + 1).
        boolean bounded = plain && (words.count() == 1 || inOrder != null);
        int width = words.titleWidth();
        int top = Ranking.ALL_IN_TITLE + words.maxRelevance() + bonus;
        // Split by title: every word in the title first, the rest after (see titleFirst).
        boolean split = plain && kind != SearchKind.ARTISTS;
        Tier strictRest = null;
        if (split) {
            strictRest = titleFirst(tiers, strictQuery, inOrder, inOrder, allOf(words.strictTitle()), top, width,
                    bounded ? width : 1, bounded ? width + 1 : 1,
                    words.maxRelevance() - (Ranking.TITLE_WORD - Ranking.VERSION_WORD) + bonus, words.count() == 1);
        } else {
            tiers.add(new Tier(strictQuery, 0, top, width, bounded ? width : 1, bounded ? width + 1 : 1, false,
                    inOrder));
        }
        Query all = strictQuery;
        if (words.loosened()) {
            BooleanQuery.Builder loose = new BooleanQuery.Builder();
            words.loose().forEach(q -> loose.add(q, Occur.MUST));
            filters.forEach(f -> loose.add(f, Occur.FILTER));
            Query looseQuery = loose.build();
            all = looseQuery;
            Query looseOnly = new BooleanQuery.Builder().add(looseQuery, Occur.MUST)
                    .add(strictQuery, Occur.MUST_NOT).build();
            int looseTop = top - words.smallestPenalty();
            if (split) {
                // Outside the title, a loose match has a word not whole anywhere (at most its title
                // weight less its penalty) and a word not in the title (at most the version's
                // weight); one word alone is then at best a loose match in an artist's name.
                int restTop = words.count() == 1 ? Ranking.ARTIST_WORD - words.smallestPenalty()
                        : words.maxRelevance() - (Ranking.TITLE_WORD - Ranking.VERSION_WORD) - words.smallestPenalty()
                                + bonus;
                // A title without every word in any of the forms the phrases take cannot hold them
                // side by side: the rest earns the bonus only by the name or title starting with the query.
                Tier looseRest = titleFirst(tiers, looseOnly, inOrder, order == null ? null : order.starts(),
                        allOf(words.looseTitle()), looseTop, width, 1, 1, restTop, words.count() == 1);
                return new Plan(tiers, all, new Rests(strictRest, strictQuery, looseRest, looseQuery));
            } else {
                tiers.add(new Tier(looseOnly, 0, looseTop, width, 1, 1, false, inOrder));
            }
        }
        return new Plan(tiers, all);
    }

    /**
     * A tier of word matches as two: the documents whose title holds every query word (those that
     * get {@link Ranking#ALL_IN_TITLE}: each distinct word's title clause matches), then the
     * others, whose highest relevance is far lower ({@code restTop}: at least one word is found
     * elsewhere, at most {@link Ranking#VERSION_WORD} there). One tier for both would have to
     * score every match of a word that fills the page from the version, an artist or the album
     * ("feat", "live", "remastered": relevance 7), since a later match might still have it in the
     * title; split, the first tier holds few documents or fills the page and closes the second,
     * and the second stops as soon as the page is full of its own best. Same hits in the same
     * order as one tier.
     *
     * <p>The second tier's query does not exclude the first's documents: it matches them too, and
     * the collector passes over those whose score counts every word in the title. Excluded by the
     * query, each candidate moved every word's title lists to it, where the few that are in the
     * first tier cost a score each.
     *
     * @param oneWord the query is one word: outside the title it covers none of it, so the
     *                coverage is not counted there (the same, zero, for every document)
     * @return the second tier
     */
    private static Tier titleFirst(List<Tier> tiers, Query scored, Query bonus, Query restBonus, Query inTitle, int top,
                                   int width, int coverNum, int coverDen, int restTop, boolean oneWord) {
        tiers.add(new Tier(new BooleanQuery.Builder().add(scored, Occur.MUST).add(inTitle, Occur.FILTER).build(),
                0, top, width, coverNum, coverDen, false, bonus));
        Tier rest = new Tier(scored, 0, restTop, width, oneWord ? 0 : 1, 1, false, restBonus,
                restBonus != null && restBonus != bonus, true);
        tiers.add(rest);
        return rest;
    }

    private static Query allOf(List<Query> queries) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        queries.forEach(q -> all.add(q, Occur.FILTER));
        return all.build();
    }

    private static Tier flat(Query query, int relevance) {
        return new Tier(score(query, relevance), 0, relevance, 0, 0, 1, false);
    }

    private static Query filtered(Query query, List<Query> filters) {
        if (filters.isEmpty()) {
            return query;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        if (query != null) {
            b.add(query, Occur.MUST);
        }
        filters.forEach(f -> b.add(f, Occur.FILTER));
        return b.build();
    }

    private static String wholeText(List<Text> texts) {
        StringBuilder whole = new StringBuilder();
        for (Text text : texts) {
            whole.append(text.text()).append(' ');
        }
        return whole.toString();
    }

    /**
     * The in-order bonus: {@code any} as a whole, and {@code starts}, its part for the name or
     * title starting with the query, which is all of it that a document can earn when its title
     * lacks a word in every form the phrases give it (their words are each word's {@linkplain
     * #titleVariants title variants} or fewer).
     */
    private record InOrder(Query any, Query starts) {}

    /**
     * The documents whose name or title starts with the query's words in order, the last perhaps
     * cut short: "girl lit" is the start of "Girl Little".
     */
    private static InOrder inOrder(SearchKind kind, String key, List<Word> words, TermExpander expander) {
        BooleanQuery.Builder starts = new BooleanQuery.Builder()
                .add(new PrefixQuery(new Term(Fields.NAME_EXACT, key)), Occur.SHOULD);
        BooleanQuery.Builder exactly = new BooleanQuery.Builder()
                .add(new PrefixQuery(new Term(Fields.NAME_EXACT, key)), Occur.SHOULD);
        if (kind != SearchKind.ARTISTS) {
            starts.add(new PrefixQuery(new Term(Fields.TITLE_EXACT, key)), Occur.SHOULD);
            exactly.add(new PrefixQuery(new Term(Fields.TITLE_EXACT, key)), Occur.SHOULD);
        }
        // The words side by side in the title, the last also as a prefix; or with their typos
        // ("shadwo love" in "Shadow Love"), a point less.
        exactly.add(phrase(words, false, expander), Occur.SHOULD);
        return new InOrder(new DisjunctionMaxQuery(List.of(score(exactly.build(), Ranking.IN_ORDER),
                score(phrase(words, true, expander), Ranking.IN_ORDER - 1)), 0f),
                score(starts.build(), Ranking.IN_ORDER));
    }

    private static Query phrase(List<Word> words, boolean typos, TermExpander expander) {
        MultiPhraseQuery.Builder phrase = new MultiPhraseQuery.Builder();
        int position = -1;
        for (int i = 0; i < words.size(); i++) {
            Word word = words.get(i);
            position += Math.max(1, word.positionIncrement());
            List<String> variants = titleVariants(word, i == words.size() - 1, typos, expander);
            Term[] terms = new Term[variants.size()];
            for (int t = 0; t < terms.length; t++) {
                terms[t] = new Term(Fields.NAME, variants.get(t));
            }
            phrase.add(terms, position);
        }
        return phrase.build();
    }

    /** The word and what it may stand for in the title: typo fixes, and completions when it may be a prefix. */
    private static List<String> titleVariants(Word word, boolean last, TermExpander expander) {
        return titleVariants(word, last, true, expander);
    }

    private static List<String> titleVariants(Word word, boolean last, boolean typos, TermExpander expander) {
        List<String> variants = new ArrayList<>();
        variants.add(word.text());
        if (typos && word.isAlphanumeric() && TermExpander.mayHaveTypo(word.codePoints())) {
            addUpTo(variants, expander.typos(Fields.NAME, word.text()), FIELD_EXPANSIONS);
        }
        if (last && !word.isCjk() && word.codePoints() >= MIN_PREFIX) {
            addUpTo(variants, expander.completions(Fields.NAME, word.text()), FIELD_EXPANSIONS);
        }
        return variants;
    }

    private static void addUpTo(List<String> to, List<String> from, int max) {
        int added = 0;
        for (String term : from) {
            if (added == max) {
                return;
            }
            if (!to.contains(term)) {
                to.add(term);
                added++;
            }
        }
    }

    /**
     * The documents one of whose artists' whole name is the query's first or last words
     * (separated by spaces) and whose title the other words cover, each whole or with a typo (the
     * query's last word also as a prefix): "nohce josé" for "Noche" by José. Each title word adds
     * its width in title units, so {@link TopHits} can keep only the documents whose title is
     * covered whole.
     */
    private static Query titleLooselyAndArtist(String whole, List<Word> words, List<Word> exactWords,
                                               TermExpander expander) {
        // The chunks of text between spaces, and the words and exact-key words of each.
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < whole.length(); i++) {
            if (!SearchRequest.isSpace(whole.charAt(i)) && (i == 0 || SearchRequest.isSpace(whole.charAt(i - 1)))) {
                starts.add(i);
            }
        }
        int chunks = starts.size();
        if (chunks < 2 || chunks > MAX_SPLIT_WORDS) {
            return null;
        }
        List<List<Word>> chunkWords = byChunk(words, starts);
        List<List<Word>> chunkKeys = byChunk(exactWords, starts);
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int clauses = 0;
        for (int i = 1; i < chunks; i++) {
            Query titleFirst = titleWordsAndArtist(chunkWords.subList(0, i), false,
                    key(chunkKeys.subList(i, chunks)), expander);
            if (titleFirst != null) {
                any.add(titleFirst, Occur.SHOULD);
                clauses++;
            }
            Query artistFirst = titleWordsAndArtist(chunkWords.subList(i, chunks), true,
                    key(chunkKeys.subList(0, i)), expander);
            if (artistFirst != null) {
                any.add(artistFirst, Occur.SHOULD);
                clauses++;
            }
        }
        return clauses == 0 ? null : any.build();
    }

    /** The words grouped by the chunk of text they start in. */
    private static List<List<Word>> byChunk(List<Word> words, List<Integer> starts) {
        List<List<Word>> chunks = new ArrayList<>(starts.size());
        for (int i = 0; i < starts.size(); i++) {
            chunks.add(new ArrayList<>());
        }
        int chunk = 0;
        for (Word word : words) {
            while (chunk + 1 < starts.size() && word.start() >= starts.get(chunk + 1)) {
                chunk++;
            }
            chunks.get(chunk).add(word);
        }
        return chunks;
    }

    /** The exact key of the chunks' words, or {@code null} when a chunk has none. */
    private static String key(List<List<Word>> chunks) {
        List<Word> words = new ArrayList<>();
        for (List<Word> chunk : chunks) {
            if (chunk.isEmpty()) {
                return null;
            }
            words.addAll(chunk);
        }
        return NameAnalyzer.exactKey(words);
    }

    private static Query titleWordsAndArtist(List<List<Word>> chunks, boolean endsQuery, String artistKey,
                                             TermExpander expander) {
        List<Word> words = new ArrayList<>();
        chunks.forEach(words::addAll);
        if (artistKey == null || words.isEmpty() || !expander.has(Fields.ARTIST_EXACT, artistKey)) {
            return null;
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.ARTIST_EXACT, artistKey)), Occur.FILTER);
        Word previous = null;
        Set<String> counted = new HashSet<>();
        for (int i = 0; i < words.size(); i++) {
            Word word = words.get(i);
            int width = counted.add(word.text()) ? width(word, previous) : 0;
            previous = word;
            List<String> variants = titleVariants(word, endsQuery && i == words.size() - 1, expander);
            all.add(score(anyOf(Fields.NAME, variants), width / (float) Ranking.TITLE_UNIT),
                    Occur.MUST);
        }
        return all.build();
    }

    /**
     * The documents whose whole name or title is the query's first words and one of whose
     * artists' whole name is the rest, or the other way round. Splits where the artist's part is
     * nobody's whole name are left out.
     */
    private static Query titleAndArtist(List<Word> words, TermExpander expander) {
        if (words.size() < 2 || words.size() > MAX_SPLIT_WORDS) {
            return null;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int clauses = 0;
        for (int i = 1; i < words.size(); i++) {
            String head = join(words, 0, i);
            String tail = join(words, i, words.size());
            if (expander.has(Fields.ARTIST_EXACT, tail)) {
                any.add(both(title(head), new TermQuery(new Term(Fields.ARTIST_EXACT, tail))), Occur.SHOULD);
                clauses++;
            }
            if (expander.has(Fields.ARTIST_EXACT, head)) {
                any.add(both(new TermQuery(new Term(Fields.ARTIST_EXACT, head)), title(tail)), Occur.SHOULD);
                clauses++;
            }
        }
        return clauses == 0 ? null : any.build();
    }

    private static Query title(String key) {
        return new BooleanQuery.Builder().add(new TermQuery(new Term(Fields.NAME_EXACT, key)), Occur.SHOULD)
                .add(new TermQuery(new Term(Fields.TITLE_EXACT, key)), Occur.SHOULD).build();
    }

    private static Query both(Query a, Query b) {
        return new BooleanQuery.Builder().add(a, Occur.MUST).add(b, Occur.MUST).build();
    }

    private static String join(List<Word> words, int from, int to) {
        StringBuilder key = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) {
                key.append(' ');
            }
            key.append(words.get(i).text());
        }
        return key.toString();
    }

    /**
     * The words' clauses: {@code strict} matches each word whole, {@code loose} also as a prefix
     * or with a typo (the same as strict when no word has either).
     *
     * @param maxRelevance    the highest relevance the words can add up to
     * @param smallestPenalty what a loose match costs at least against the highest relevance
     * @param count           the number of words
     * @param titleWidth      the width of the distinct words, as counted in the title coverage
     * @param strictTitle     for each distinct word of a plain query, whether the title holds it
     *                        whole: a document matches them all when {@code strict} gives it
     *                        {@link Ranking#ALL_IN_TITLE}
     * @param looseTitle      the same for {@code loose}: the word whole, or as its prefix or typo
     *                        variants in the title
     */
    private record Words(List<Query> strict, List<Query> loose, int maxRelevance, boolean loosened,
                         int smallestPenalty, int count, int titleWidth, List<Query> strictTitle,
                         List<Query> looseTitle) {}

    private static Words words(SearchKind kind, List<Text> texts, TermExpander expander) {
        List<TextField> fields = TEXT_FIELDS.get(kind);
        int best = fields.get(0).weight();
        List<Query> strict = new ArrayList<>();
        List<Query> loose = new ArrayList<>();
        int max = 0;
        int count = 0;
        boolean loosened = false;
        int smallestPenalty = Integer.MAX_VALUE;
        Set<String> counted = new HashSet<>();
        int titleWidth = 0;
        List<Query> strictTitle = new ArrayList<>();
        List<Query> looseTitle = new ArrayList<>();
        for (int t = 0; t < texts.size(); t++) {
            Text text = texts.get(t);
            List<Word> words = NameAnalyzer.QUERY.words(text.text());
            if (words.isEmpty()) {
                continue;
            }
            if (text.quoted() && words.size() > 1) {
                Query phrase = phrase(fields, words);
                strict.add(phrase);
                loose.add(phrase);
                max += best * words.size();
                count += words.size();
                titleWidth += words.size();
                continue;
            }
            boolean lastText = t == texts.size() - 1;
            Word previous = null;
            for (int w = 0; w < words.size(); w++) {
                Word word = words.get(w);
                int width = width(word, previous);
                previous = word;
                // Each distinct word counts once towards the title coverage.
                int titleUnits = counted.add(word.text()) ? width : 0;
                titleWidth += titleUnits;
                boolean last = lastText && w == words.size() - 1 && !text.quoted();
                Query whole = word(kind, fields, word, titleUnits);
                strict.add(whole);
                count++;
                max += best;
                LooseWord forgiving = text.quoted() ? null
                        : looseWord(kind, fields, word, last, titleUnits, expander);
                Query inTitle = titleUnits == 0 ? null : new TermQuery(new Term(Fields.NAME, word.text()));
                if (inTitle != null) {
                    strictTitle.add(inTitle);
                }
                if (forgiving == null) {
                    loose.add(whole);
                    if (inTitle != null) {
                        looseTitle.add(inTitle);
                    }
                } else {
                    loose.add(forgiving.query());
                    loosened = true;
                    smallestPenalty = Math.min(smallestPenalty, forgiving.penalty());
                    if (inTitle != null) {
                        looseTitle.add(forgiving.inTitle());
                    }
                }
            }
        }
        return new Words(strict, loose, max, loosened, loosened ? smallestPenalty : 0, count, titleWidth,
                strictTitle, looseTitle);
    }

    /**
     * How much of a title a query word covers: one for a word or a single CJK character; for a
     * CJK bigram two when it starts a run and one when it continues the previous bigram (青春,
     * 春夜 cover three characters).
     */
    private static int width(Word word, Word previous) {
        if (!word.isBigram()) {
            return 1;
        }
        boolean continues = previous != null && previous.isBigram() && word.positionIncrement() == 1
                && previous.text().codePointBefore(previous.text().length()) == word.text().codePointAt(0);
        return continues ? 1 : 2;
    }

    /** The value of the filter on the kind's own name (track:, artist:, album:), if there is one. */
    private static String nameFilterValue(SearchKind kind, ParsedQuery parsed) {
        FilterKey own = switch (kind) {
            case TRACKS -> FilterKey.TRACK;
            case ARTISTS -> FilterKey.ARTIST;
            case ALBUMS -> FilterKey.ALBUM;
        };
        for (Part part : parsed.parts()) {
            if (part instanceof Filter filter && filter.key() == own) {
                return filter.value();
            }
        }
        return null;
    }

    /**
     * A whole word: the best of its matches in each field, as a flat score. Matched in the one
     * field of all words, worth the lowest field weight, with the fields worth more as an optional
     * bonus: the same score as the best field's, but a conjunction of words then walks one
     * postings list per word instead of a disjunction over every field, and the bonus is only
     * looked up for the documents that match. A match in the title also adds the word's width in
     * title units.
     */
    private static Query word(SearchKind kind, List<TextField> fields, Word word, int titleUnits) {
        float title = titleUnits / (float) Ranking.TITLE_UNIT;
        if (fields.size() == 1) {
            TextField only = fields.get(0);
            return score(new TermQuery(new Term(only.name(), word.text())), only.weight() + title);
        }
        int low = fields.get(fields.size() - 1).weight();
        Query any = score(new TermQuery(new Term(LOOSE_FIELD.get(kind), word.text())), low);
        List<Query> bonuses = new ArrayList<>(fields.size());
        for (TextField field : fields) {
            if (field.weight() > low) {
                float extra = field.weight() - low + (Fields.NAME.equals(field.name()) ? title : 0);
                bonuses.add(score(new TermQuery(new Term(field.name(), word.text())), extra));
            }
        }
        return new BooleanQuery.Builder()
                .add(any, Occur.MUST)
                .add(new DisjunctionMaxQuery(bonuses, 0f), Occur.SHOULD)
                .build();
    }

    /** A word that may also match as a prefix (the last word) or with a typo, and what that costs at least. */
    private record LooseWord(Query query, int penalty, Query inTitle) {}

    /**
     * The word matched whole, as a prefix or with a typo, scored by the field it is found in:
     * whole as {@link #word}; a completion or typo fix in the title or an artist name (the
     * {@value #FIELD_EXPANSIONS} most frequent there) its field's weight less the penalty; any
     * other completion or fix, {@link Ranking#LOOSE_ELSEWHERE_PREFIX} or {@link
     * Ranking#LOOSE_ELSEWHERE_TYPO}. Whether the title holds the word in any of these forms is a
     * clause of its own, worth the word's title units. {@code null} when the word has neither a
     * prefix nor a typo to match.
     *
     * <p>The documents are matched through one postings list per form: the word and its forms in
     * the field of all words ({@link #LOOSE_FIELD}), which holds every word of the other fields, a
     * form found only in the title or an artist's name in that field, and a short prefix as one
     * term ({@link Fields#PREFIXES}). The scored forms, one postings list per form and field, are
     * an optional clause, advanced only to the documents a search scores: in a conjunction of a
     * few words, moving every list of each word to each candidate was most of a loose search.
     */
    private static LooseWord looseWord(SearchKind kind, List<TextField> fields, Word word, boolean last,
                                       int titleUnits, TermExpander expander) {
        boolean prefix = last && !word.isCjk() && word.codePoints() >= MIN_PREFIX;
        boolean typo = word.isAlphanumeric() && TermExpander.mayHaveTypo(word.codePoints());
        if (!prefix && !typo) {
            return null;
        }
        String all = LOOSE_FIELD.get(kind);
        List<Query> matches = new ArrayList<>();
        matches.add(word(kind, fields, word, 0));
        Set<String> forms = new LinkedHashSet<>();
        forms.add(word.text());
        Map<String, Set<String>> fieldForms = new LinkedHashMap<>();
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        boolean completed = false;
        if (prefix) {
            boolean shortPrefix = word.codePoints() <= PrefixFilter.MAX;
            List<String> words = shortPrefix ? List.of()
                    : upTo(expander.completions(all, word.text()), word.text(), Integer.MAX_VALUE);
            Query completions = shortPrefix ? new TermQuery(new Term(Fields.PREFIXES, word.text())) : anyOf(all, words);
            if (completions != null) {
                completed = true;
                matches.add(score(completions, Ranking.LOOSE_ELSEWHERE_PREFIX));
                if (shortPrefix) {
                    any.add(completions, Occur.SHOULD); // every word it begins, whatever the field
                }
                forms.addAll(words);
                addFielded(kind, matches, shortPrefix ? null : fieldForms, word, expander, true, Ranking.PREFIX_PENALTY);
            }
        }
        boolean fixed = false;
        if (typo) {
            List<String> words = upTo(expander.typos(all, word.text()), word.text(), Integer.MAX_VALUE);
            Query fixes = anyOf(all, words);
            if (fixes != null) {
                fixed = true;
                forms.addAll(words);
                matches.add(score(fixes, Ranking.LOOSE_ELSEWHERE_TYPO));
                addFielded(kind, matches, fieldForms, word, expander, false, Ranking.TYPO_PENALTY);
            }
        }
        if (!completed && !fixed) {
            return null;
        }
        forms.forEach(form -> any.add(new TermQuery(new Term(all, form)), Occur.SHOULD));
        fieldForms.forEach((field, terms) -> terms.stream().filter(term -> !forms.contains(term))
                .forEach(term -> any.add(new TermQuery(new Term(field, term)), Occur.SHOULD)));
        BooleanQuery.Builder scored = new BooleanQuery.Builder()
                .add(any.build(), Occur.FILTER)
                .add(new DisjunctionMaxQuery(matches, 0f), Occur.SHOULD);
        Query inTitle = null;
        if (titleUnits > 0) {
            inTitle = anyOf(Fields.NAME, titleVariants(word, prefix, expander));
            scored.add(score(inTitle, titleUnits / (float) Ranking.TITLE_UNIT), Occur.SHOULD);
        }
        return new LooseWord(scored.build(), completed ? Ranking.PREFIX_PENALTY : Ranking.TYPO_PENALTY, inTitle);
    }

    /**
     * Completions or typo fixes found in the title and in the artists, scored by field, and added
     * to the {@code forms} found in each field unless {@code null}.
     */
    private static void addFielded(SearchKind kind, List<Query> matches, Map<String, Set<String>> forms, Word word,
                                   TermExpander expander, boolean prefix, int penalty) {
        List<String> fields = kind == SearchKind.ARTISTS ? List.of(Fields.NAME) : List.of(Fields.NAME, Fields.ARTIST);
        for (String field : fields) {
            List<String> terms = upTo(prefix ? expander.completions(field, word.text()) : expander.typos(field, word.text()),
                    word.text(), FIELD_EXPANSIONS);
            Query q = anyOf(field, terms);
            if (q != null) {
                if (forms != null) {
                    forms.computeIfAbsent(field, f -> new LinkedHashSet<>()).addAll(terms);
                }
                int weight = Fields.NAME.equals(field) ? Ranking.TITLE_WORD : Ranking.ARTIST_WORD;
                matches.add(score(q, weight - penalty));
            }
        }
    }

    /** The first {@code max} of {@code terms} other than {@code word} ({@code null}: keep every term). */
    private static List<String> upTo(List<String> terms, String word, int max) {
        List<String> kept = new ArrayList<>(Math.min(terms.size(), max));
        for (String term : terms) {
            if (kept.size() == max) {
                break;
            }
            if (!term.equals(word)) {
                kept.add(term);
            }
        }
        return kept;
    }

    /**
     * Words a query word may stand for, as a lazy disjunction of terms (no bitset of every match is
     * built: Lucene can skip through it), or {@code null} when there is none.
     */
    private static Query anyOf(String field, List<String> terms) {
        if (terms.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        terms.forEach(term -> any.add(new TermQuery(new Term(field, term)), Occur.SHOULD));
        return any.build();
    }

    /** A quoted phrase: its words in order in one field, scored as that many whole words. */
    private static Query phrase(List<TextField> fields, List<Word> words) {
        List<Query> matches = new ArrayList<>();
        for (TextField field : fields) {
            float title = Fields.NAME.equals(field.name()) ? words.size() / (float) Ranking.TITLE_UNIT : 0;
            matches.add(score(phraseQuery(field.name(), words), field.weight() * words.size() + title));
        }
        return matches.size() == 1 ? matches.get(0) : new DisjunctionMaxQuery(matches, 0f);
    }

    private static Query phraseQuery(String field, List<Word> words) {
        if (words.size() == 1) {
            return new TermQuery(new Term(field, words.get(0).text()));
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        int position = -1;
        for (Word word : words) {
            position += Math.max(1, word.positionIncrement());
            phrase.add(new Term(field, word.text()), position);
        }
        return phrase.build();
    }

    private static Query score(Query query, float score) {
        return new BoostQuery(new ConstantScoreQuery(query), score);
    }

    /** Whether the filter is one of the kind's, as in the Spotify Web API (genre: everywhere). */
    static boolean applies(SearchKind kind, FilterKey key) {
        return switch (key) {
            case ARTIST, GENRE -> true;
            case ALBUM, YEAR -> kind != SearchKind.ARTISTS;
            case TRACK, ISRC -> kind == SearchKind.TRACKS;
            case UPC -> kind != SearchKind.ARTISTS;
        };
    }

    /** Refuses a {@code year:} or {@code isrc:} filter whose value does not parse, saying what does. */
    static void checkFilters(ParsedQuery parsed) {
        for (Part part : parsed.parts()) {
            if (part instanceof Filter filter && !isWellFormed(filter)) {
                String written = filter.key().spelling + ":" + filter.value();
                throw new InvalidSearchException(switch (filter.key()) {
                    case YEAR -> "q: " + written + " is not a year filter; year: takes a year (year:1999), a range"
                            + " (year:1990-1999) or an open range (year:2010- from 2010 on, year:-1999 up to 1999)";
                    case ISRC -> "q: " + written + " is not an ISRC filter; isrc: takes an ISRC of 12 letters and"
                            + " digits, hyphens allowed (isrc:USUM71703861, isrc:US-UM7-17-03861)";
                    default -> "q: " + written + " is not a valid filter";
                });
            }
        }
    }

    private static boolean isWellFormed(Filter filter) {
        return switch (filter.key()) {
            case YEAR -> years(filter.value()) != null;
            case ISRC -> Isrcs.tryNormalize(filter.value()) != null;
            default -> true;
        };
    }

    /** The filter's query (well formed: see {@link #checkFilters}), or {@code null} when it has no word. */
    private static Query filterQuery(SearchKind kind, Filter filter) {
        return switch (filter.key()) {
            case ARTIST -> textFilter(kind == SearchKind.ARTISTS ? Fields.NAME : Fields.ARTIST, filter.value());
            case ALBUM -> kind == SearchKind.ALBUMS ? nameFilter(filter.value()) : textFilter(Fields.ALBUM, filter.value());
            case TRACK -> nameFilter(filter.value());
            case GENRE -> textFilter(Fields.GENRE, filter.value());
            case YEAR -> years(filter.value());
            case ISRC -> new TermQuery(new Term(Fields.ISRC, Isrcs.tryNormalize(filter.value())));
            case UPC -> {
                String upc = Fields.normalizeUpc(filter.value());
                yield upc == null ? null : new TermQuery(new Term(Fields.UPC, upc));
            }
        };
    }

    /**
     * A filter on the kind's own name, which the index keeps as its title and the rest: the words
     * in order in the title or in the rest, or the whole name ("track:\"Night - Radio Edit\"").
     */
    private static Query nameFilter(String value) {
        Query title = textFilter(Fields.NAME, value);
        if (title == null) {
            return null;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder()
                .add(title, Occur.SHOULD)
                .add(textFilter(Fields.VERSION, value), Occur.SHOULD);
        String key = NameAnalyzer.exactKey(value);
        if (key != null) {
            any.add(new TermQuery(new Term(Fields.NAME_EXACT, key)), Occur.SHOULD);
        }
        return any.build();
    }

    private static Query textFilter(String field, String value) {
        List<Word> words = NameAnalyzer.QUERY.words(value);
        return words.isEmpty() ? null : phraseQuery(field, words);
    }

    /** {@code year:1999}, {@code year:1990-1999}, {@code year:2010-} and {@code year:-1999}; else {@code null}. */
    private static Query years(String value) {
        Matcher m = YEARS.matcher(value);
        if (!m.matches() || (m.group(1) == null && m.group(3) == null)
                || (m.group(2) == null && m.group(3) != null)) {
            return null;
        }
        int from = m.group(1) == null ? Integer.MIN_VALUE : Integer.parseInt(m.group(1));
        int to = m.group(3) != null ? Integer.parseInt(m.group(3)) : m.group(2) != null ? Integer.MAX_VALUE : from;
        return IntField.newRangeQuery(Fields.YEAR, Math.min(from, to), Math.max(from, to));
    }
}

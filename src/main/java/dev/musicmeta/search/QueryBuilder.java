package dev.musicmeta.search;

import dev.musicmeta.catalog.Isrcs;
import dev.musicmeta.catalog.SearchKind;
import dev.musicmeta.search.NameAnalyzer.Word;
import dev.musicmeta.search.ParsedQuery.Filter;
import dev.musicmeta.search.ParsedQuery.FilterKey;
import dev.musicmeta.search.ParsedQuery.Part;
import dev.musicmeta.search.ParsedQuery.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.IntField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns a {@link ParsedQuery} into a Lucene query for one {@link SearchKind}.
 *
 * <p>Every word is required and may match any of the kind's text fields (tracks: title, artist
 * names, album name; albums: name, artist names; artists: name). The last word also matches as a
 * prefix when it has 2 or more characters: every word it begins when it has at most
 * {@value PrefixFilter#MAX} ({@link Fields#PREFIXES}), else its
 * {@value TermExpander#MAX_COMPLETIONS} most frequent completions. A word of 5 or more letters
 * also matches with one edit past its first letter (the {@value TermExpander#MAX_TYPOS} most
 * frequent such words). Filters are exact words (folded), in their own field, without prefix or
 * typo. A filter that does not apply to the kind, or whose value is malformed
 * ({@code year:abc}, an ISRC that is not one), is read as plain words. Scores: see {@link Ranking}.
 */
final class QueryBuilder {

    static final int MIN_PREFIX = PrefixFilter.MIN;
    static final int MIN_TYPO = 5;

    private static final Pattern YEARS = Pattern.compile("(\\d{4})(?:-(\\d{4}))?");

    private record TextField(String name, float weight) {}

    private static final Map<SearchKind, List<TextField>> TEXT_FIELDS = Map.of(
            SearchKind.TRACKS, List.of(new TextField(Fields.NAME, Ranking.NAME_WORD),
                    new TextField(Fields.ARTIST, Ranking.ARTIST_WORD), new TextField(Fields.ALBUM, Ranking.ALBUM_WORD)),
            SearchKind.ALBUMS, List.of(new TextField(Fields.NAME, Ranking.NAME_WORD),
                    new TextField(Fields.ARTIST, Ranking.ARTIST_WORD)),
            SearchKind.ARTISTS, List.of(new TextField(Fields.NAME, Ranking.NAME_WORD)));

    /**
     * One field holding all the words of the text fields (artists: the name), where a word is
     * matched in any of them, and loosely.
     */
    private static final Map<SearchKind, String> LOOSE_FIELD = Map.of(
            SearchKind.TRACKS, Fields.WORDS, SearchKind.ALBUMS, Fields.WORDS, SearchKind.ARTISTS, Fields.NAME);

    private QueryBuilder() {}

    /**
     * What to run for a query: three tiers of relevance, searched in turn, each a strict subset
     * of the documents that match. First the documents whose whole name is the query
     * ({@code strict} and {@code exactKey}), then those where every word matched whole
     * ({@code strict}), then those where some word matched only as a prefix or with a typo
     * ({@code loose}, without the strict ones). Inside a tier, scores add up per word by field
     * (see {@link Ranking}). Searching tiers apart, rather than adding bonuses, keeps the spread
     * of scores inside each small, which is what lets {@link TopHits} stop a segment early.
     *
     * @param strict        words matched whole, filters, and the rank as a score fraction
     * @param loose         the same with prefixes and typos, or {@code null} when no word has either
     * @param exactKey      the folded whole name that ranks first ({@link Fields#NAME_EXACT}), or
     *                      {@code null}
     * @param maxStrict     the highest relevance a document can reach in {@code strict}
     * @param maxLoose      the highest relevance a loose-only document can reach: one word at
     *                      least is a prefix or typo, which costs at least that word's smallest
     *                      penalty ({@link Ranking#PREFIX_PENALTY} or {@link Ranking#TYPO_PENALTY})
     */
    record Plan(Query strict, Query loose, String exactKey, float maxStrict, float maxLoose) {}

    /** The plan, or {@code null} when the text has no word and no filter applies: nothing matches. */
    static Plan build(SearchKind kind, ParsedQuery parsed, TermExpander expander) {
        List<Text> texts = new ArrayList<>();
        List<Query> filters = new ArrayList<>();
        for (Part part : parsed.parts()) {
            if (part instanceof Text text) {
                texts.add(text);
            } else {
                Filter filter = (Filter) part;
                Query query = filterQuery(kind, filter);
                if (query != null) {
                    filters.add(query);
                } else if (!applies(kind, filter.key()) || !isWellFormed(filter)) {
                    texts.add(filter.asText());
                }
                // else: a filter whose value has no word at all ("artist:!!") is dropped.
            }
        }
        BooleanQuery.Builder strict = new BooleanQuery.Builder();
        BooleanQuery.Builder loose = new BooleanQuery.Builder();
        TextClauses text = addText(kind, texts, strict, loose, expander);
        if (text.maxRelevance() == 0 && filters.isEmpty()) {
            return null;
        }
        for (Query filter : filters) {
            strict.add(filter, Occur.FILTER);
            loose.add(filter, Occur.FILTER);
        }
        strict.add(Ranking.rankQuery(kind), Occur.SHOULD);
        loose.add(Ranking.rankQuery(kind), Occur.SHOULD);
        // "track:yesterday" alone puts "Yesterday" first, as the words "yesterday" would.
        String exact = texts.isEmpty() ? nameFilterValue(kind, parsed) : wholeText(texts);
        return new Plan(strict.build(), text.loosened() ? loose.build() : null,
                exact == null ? null : NameAnalyzer.exactKey(exact),
                text.maxRelevance(), text.maxRelevance() - text.smallestPenalty());
    }

    private static String wholeText(List<Text> texts) {
        StringBuilder whole = new StringBuilder();
        for (Text text : texts) {
            whole.append(text.text()).append(' ');
        }
        return whole.toString();
    }

    /**
     * What the words added: their highest relevance, whether any may match loosely, and the
     * smallest penalty of a loose match among them.
     */
    private record TextClauses(float maxRelevance, boolean loosened, float smallestPenalty) {}

    /** Adds the words as required clauses, whole words to {@code strict}, forgiving to {@code loose}. */
    private static TextClauses addText(SearchKind kind, List<Text> texts, BooleanQuery.Builder strict,
                                       BooleanQuery.Builder loose, TermExpander expander) {
        List<TextField> fields = TEXT_FIELDS.get(kind);
        float best = 0;
        for (TextField field : fields) {
            best = Math.max(best, field.weight());
        }
        float max = 0;
        boolean loosened = false;
        float smallestPenalty = Float.MAX_VALUE;
        for (int t = 0; t < texts.size(); t++) {
            Text text = texts.get(t);
            List<Word> words = NameAnalyzer.QUERY.words(text.text());
            if (words.isEmpty()) {
                continue;
            }
            if (text.quoted() && words.size() > 1) {
                Query phrase = phrase(fields, words);
                strict.add(phrase, Occur.MUST);
                loose.add(phrase, Occur.MUST);
                max += best * words.size();
                continue;
            }
            boolean lastText = t == texts.size() - 1;
            for (int w = 0; w < words.size(); w++) {
                Word word = words.get(w);
                boolean last = lastText && w == words.size() - 1 && !text.quoted();
                Query whole = word(kind, fields, word);
                LooseWord forgiving = text.quoted() ? new LooseWord(whole, Float.MAX_VALUE)
                        : looseWord(LOOSE_FIELD.get(kind), word, last, expander);
                strict.add(whole, Occur.MUST);
                loose.add(forgiving.query(), Occur.MUST);
                loosened |= forgiving.penalty() < Float.MAX_VALUE;
                smallestPenalty = Math.min(smallestPenalty, forgiving.penalty());
                max += best;
            }
        }
        return new TextClauses(max, loosened, smallestPenalty);
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
     * looked up for the documents that match.
     */
    private static Query word(SearchKind kind, List<TextField> fields, Word word) {
        if (fields.size() == 1) {
            TextField only = fields.get(0);
            return flat(new TermQuery(new Term(only.name(), word.text())), only.weight());
        }
        float low = Float.MAX_VALUE;
        for (TextField field : fields) {
            low = Math.min(low, field.weight());
        }
        Query any = flat(new TermQuery(new Term(LOOSE_FIELD.get(kind), word.text())), low);
        List<Query> bonuses = new ArrayList<>(fields.size());
        for (TextField field : fields) {
            if (field.weight() > low) {
                bonuses.add(flat(new TermQuery(new Term(field.name(), word.text())), field.weight() - low));
            }
        }
        if (bonuses.isEmpty()) {
            return any;
        }
        return new BooleanQuery.Builder()
                .add(any, Occur.MUST)
                .add(bonuses.size() == 1 ? bonuses.get(0) : new DisjunctionMaxQuery(bonuses, 0f), Occur.SHOULD)
                .build();
    }

    /**
     * A word that may also match as a prefix (the last word) or with a typo, in the one field of
     * all words: whole {@value Ranking#NAME_WORD}, prefix one less, typo two less, whatever the
     * field. Tiers keep these documents below those where every word matched whole.
     */
    private record LooseWord(Query query, float penalty) {}

    private static LooseWord looseWord(String field, Word word, boolean last, TermExpander expander) {
        boolean prefix = last && !word.isCjk() && word.codePoints() >= MIN_PREFIX;
        boolean typo = word.isAlphanumeric() && word.codePoints() >= MIN_TYPO;
        List<Query> matches = new ArrayList<>(3);
        matches.add(flat(new TermQuery(new Term(field, word.text())), Ranking.NAME_WORD));
        Query completions = !prefix ? null
                : word.codePoints() <= PrefixFilter.MAX ? new TermQuery(new Term(Fields.PREFIXES, word.text()))
                : anyOf(field, expander.completions(field, word.text()), word.text());
        if (completions != null) {
            matches.add(flat(completions, Ranking.NAME_WORD - Ranking.PREFIX_PENALTY));
        }
        Query fixes = typo ? anyOf(field, expander.typos(field, word.text()), word.text()) : null;
        if (fixes != null) {
            matches.add(flat(fixes, Ranking.NAME_WORD - Ranking.TYPO_PENALTY));
        }
        float penalty = completions != null ? Ranking.PREFIX_PENALTY
                : fixes != null ? Ranking.TYPO_PENALTY : Float.MAX_VALUE;
        return new LooseWord(matches.size() == 1 ? matches.get(0) : new DisjunctionMaxQuery(matches, 0f), penalty);
    }

    /**
     * Words a query word may stand for, as a lazy disjunction of terms (no bitset of every match is
     * built: Lucene can skip through it), or {@code null} when there is none besides the word.
     */
    private static Query anyOf(String field, List<String> terms, String word) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int count = 0;
        for (String term : terms) {
            if (!term.equals(word)) {
                any.add(new TermQuery(new Term(field, term)), Occur.SHOULD);
                count++;
            }
        }
        return count == 0 ? null : any.build();
    }

    /** A quoted phrase: its words in order in one field, scored as that many whole words. */
    private static Query phrase(List<TextField> fields, List<Word> words) {
        List<Query> matches = new ArrayList<>();
        for (TextField field : fields) {
            matches.add(flat(phraseQuery(field.name(), words), field.weight() * words.size()));
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

    private static Query flat(Query query, float score) {
        return new BoostQuery(new ConstantScoreQuery(query), score);
    }

    /** Whether the filter is one of the kind's, as in the Spotify Web API (genre: everywhere). */
    static boolean applies(SearchKind kind, FilterKey key) {
        return switch (key) {
            case ARTIST, GENRE -> true;
            case ALBUM, YEAR -> kind != SearchKind.ARTISTS;
            case TRACK, ISRC -> kind == SearchKind.TRACKS;
            case UPC -> kind == SearchKind.ALBUMS;
        };
    }

    private static boolean isWellFormed(Filter filter) {
        return switch (filter.key()) {
            case YEAR -> YEARS.matcher(filter.value()).matches();
            case ISRC -> Isrcs.tryNormalize(filter.value()) != null;
            default -> true;
        };
    }

    /** The filter's query, or {@code null} when it does not apply, is malformed or has no word. */
    private static Query filterQuery(SearchKind kind, Filter filter) {
        if (!applies(kind, filter.key()) || !isWellFormed(filter)) {
            return null;
        }
        return switch (filter.key()) {
            case ARTIST -> textFilter(kind == SearchKind.ARTISTS ? Fields.NAME : Fields.ARTIST, filter.value());
            case ALBUM -> textFilter(kind == SearchKind.ALBUMS ? Fields.NAME : Fields.ALBUM, filter.value());
            case TRACK -> textFilter(Fields.NAME, filter.value());
            case GENRE -> textFilter(Fields.GENRE, filter.value());
            case YEAR -> years(filter.value());
            case ISRC -> new TermQuery(new Term(Fields.ISRC, Isrcs.tryNormalize(filter.value())));
            case UPC -> {
                String upc = Fields.normalizeUpc(filter.value());
                yield upc == null ? null : new TermQuery(new Term(Fields.UPC, upc));
            }
        };
    }

    private static Query textFilter(String field, String value) {
        List<Word> words = NameAnalyzer.QUERY.words(value);
        return words.isEmpty() ? null : phraseQuery(field, words);
    }

    private static Query years(String value) {
        Matcher m = YEARS.matcher(value);
        if (!m.matches()) {
            return null;
        }
        int from = Integer.parseInt(m.group(1));
        int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
        return IntField.newRangeQuery(Fields.YEAR, Math.min(from, to), Math.max(from, to));
    }
}

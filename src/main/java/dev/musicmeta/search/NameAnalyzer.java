package dev.musicmeta.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.core.TypeTokenFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Splits names into words the same way at index and at query time: Unicode word boundaries
 * (StandardTokenizer), folded width, Arabic letter forms, accents and case (see {@link Folding}),
 * and CJK text cut into overlapping bigrams so that a CJK word matches inside a longer name.
 *
 * <p>When indexing, CJK characters are also kept as single-character words, so a one-character
 * query word finds them; a query uses bigrams only, which keeps multi-character queries precise.
 * The field {@link Fields#PREFIXES} holds the words' short prefixes instead ({@link PrefixFilter}).
 */
final class NameAnalyzer extends Analyzer {

    enum Mode {
        /** Index side: bigrams and single CJK characters, parts of joined words. */
        INDEX,
        /** Query side: bigrams, joined words only. */
        QUERY,
        /** The whole name folded into one key: no bigrams. */
        EXACT
    }

    /** Keys longer than this are not indexed: no query of at most 200 characters can equal them. */
    static final int MAX_EXACT_KEY = 1000;

    private static final Set<String> EMOJI = Set.of(StandardTokenizer.TOKEN_TYPES[StandardTokenizer.EMOJI]);

    static final NameAnalyzer INDEX = new NameAnalyzer(Mode.INDEX);
    static final NameAnalyzer QUERY = new NameAnalyzer(Mode.QUERY);
    static final NameAnalyzer EXACT = new NameAnalyzer(Mode.EXACT);

    private final Mode mode;

    private NameAnalyzer(Mode mode) {
        super(mode == Mode.INDEX ? PER_FIELD_REUSE_STRATEGY : GLOBAL_REUSE_STRATEGY);
        this.mode = mode;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = source;
        if (mode != Mode.EXACT) {
            // Emoji decorate a name ("Sunday Rain 🔥"); they are no word to search by and would make
            // the title look longer. The exact key keeps them.
            stream = new TypeTokenFilter(stream, EMOJI);
        }
        stream = new CJKWidthFilter(stream);
        stream = new ArabicNormalizationFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new FoldingFilter(stream, mode == Mode.INDEX);
        if (mode != Mode.EXACT) {
            int scripts = CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA
                    | CJKBigramFilter.HANGUL;
            stream = new CJKBigramFilter(stream, scripts, mode == Mode.INDEX);
        }
        if (mode == Mode.INDEX && Fields.PREFIXES.equals(fieldName)) {
            stream = new PrefixFilter(stream);
        }
        return new TokenStreamComponents(source, stream);
    }

    /** Keeps phrases from matching across two artist names of one document. */
    @Override
    public int getPositionIncrementGap(String fieldName) {
        return 100;
    }

    /** One word of analyzed text. */
    record Word(String text, String type, int positionIncrement, int start) {

        /** CJK bigrams and single characters: matched whole, never by prefix or typo. */
        boolean isCjk() {
            return CJKBigramFilter.DOUBLE_TYPE.equals(type) || CJKBigramFilter.SINGLE_TYPE.equals(type);
        }

        /** Two CJK characters (query side: CJK text comes as overlapping bigrams). */
        boolean isBigram() {
            return CJKBigramFilter.DOUBLE_TYPE.equals(type);
        }

        /** Words of letters (with digits perhaps), as opposed to numbers and CJK. */
        boolean isAlphanumeric() {
            return "<ALPHANUM>".equals(type);
        }

        int codePoints() {
            return text.codePointCount(0, text.length());
        }
    }

    /** The words of {@code text}. */
    List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        try (TokenStream stream = tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            PositionIncrementAttribute position = stream.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(new Word(term.toString(), type.type(), position.getPositionIncrement(),
                        offset.startOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen on a String
        }
        return words;
    }

    /**
     * The exact-match key of a name: its folded words joined by single spaces, or {@code null}
     * when it has no words or is too long to be matched. Use with {@link #EXACT}.
     */
    static String exactKey(String name) {
        if (name == null || name.length() > 4 * MAX_EXACT_KEY) {
            return null;
        }
        // As exactKey(EXACT.words(name)), without a Word per word: the build takes a key of every name.
        StringBuilder key = new StringBuilder(name.length());
        boolean any = false;
        try (TokenStream stream = EXACT.tokenStream("", name)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (key.length() > 0) {
                    key.append(' ');
                }
                key.append(term.buffer(), 0, term.length());
                any = true;
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen on a String
        }
        return !any || key.length() > MAX_EXACT_KEY ? null : key.toString();
    }

    /** The exact-match key of the {@link #EXACT} words of a name (see {@link #exactKey(String)}). */
    static String exactKey(List<Word> words) {
        if (words.isEmpty()) {
            return null;
        }
        StringBuilder key = new StringBuilder();
        for (Word word : words) {
            if (key.length() > 0) {
                key.append(' ');
            }
            key.append(word.text());
        }
        return key.length() > MAX_EXACT_KEY ? null : key.toString();
    }
}

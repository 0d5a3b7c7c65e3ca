package dev.musicmeta.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The word lists of {@code vocabulary.txt}, each drawn from with Zipf-like frequencies. */
final class Vocabulary {

    private static final Vocabulary INSTANCE = load();

    private final Map<String, WordList> lists;

    private Vocabulary(Map<String, WordList> lists) {
        this.lists = lists;
    }

    static Vocabulary get() {
        return INSTANCE;
    }

    /** The list called {@code name}; fails loudly on a typo rather than drawing from nothing. */
    WordList list(String name) {
        WordList list = lists.get(name);
        if (list == null) {
            throw new IllegalStateException("no word list " + name + " in vocabulary.txt");
        }
        return list;
    }

    WordList list(Language language, String kind) {
        return list(language.code + "." + kind);
    }

    private static Vocabulary load() {
        Map<String, List<String>> sections = new HashMap<>();
        try (InputStream in = Vocabulary.class.getResourceAsStream("vocabulary.txt");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String section = null;
            String line;
            while ((line = reader.readLine()) != null) {
                String text = line.strip();
                if (text.startsWith("## ")) {
                    section = text.substring(3).strip();
                    sections.put(section, new ArrayList<>());
                } else if (section != null && !text.isEmpty() && !text.startsWith("#")) {
                    if (section.endsWith(".lines")) {
                        sections.get(section).add(text);
                    } else {
                        sections.get(section).addAll(List.of(text.split("\\s+")));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, WordList> lists = new HashMap<>();
        sections.forEach((name, words) -> {
            // Genres are the most concentrated (pop, rap), then words; labels have a long tail.
            double exponent = name.startsWith("genres") ? 1.1 : name.startsWith("labels") ? 0.6 : 0.75;
            lists.put(name.replace(".lines", ""), new WordList(words.toArray(String[]::new), exponent));
        });
        return new Vocabulary(lists);
    }

    /** Words with Zipf weights 1/(rank+1)^s: the first few are common, the tail is rare. */
    static final class WordList {

        private final String[] words;
        private final double[] cumulative;

        WordList(String[] words, double exponent) {
            this.words = words;
            this.cumulative = new double[words.length];
            double sum = 0;
            for (int i = 0; i < words.length; i++) {
                sum += 1.0 / Math.pow(i + 1, exponent);
                cumulative[i] = sum;
            }
            for (int i = 0; i < words.length; i++) {
                cumulative[i] /= sum;
            }
        }

        String pick(Rng rng) {
            double u = rng.nextDouble();
            int lo = 0;
            int hi = words.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] < u) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return words[lo];
        }

        /** Any word with equal chance, for lists whose order means nothing. */
        String uniform(Rng rng) {
            return words[rng.nextInt(words.length)];
        }

        int size() {
            return words.length;
        }

        String get(int i) {
            return words[i];
        }
    }
}

package dev.musicmeta.sample;

import dev.musicmeta.sample.Vocabulary.WordList;

/**
 * Builds artist names, titles and album names from the vocabulary. Real names repeat common
 * words ("Love", "Night") and carry a long tail of rare ones; made-up words ("Zedrik") stand in
 * for that tail so a search for them has few matches.
 */
final class Names {

    private static final String[] ONSETS =
            {"b", "k", "d", "l", "m", "n", "r", "s", "t", "v", "z", "br", "kr", "st", "tr", "sh", "j", "y"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ea", "y"};
    private static final String[] CODAS = {"", "", "", "n", "r", "x", "k", "l", "s", "th"};
    private static final String[] PREFIXES = {"DJ", "Lil", "MC", "Young", "Big", "King", "Saint"};

    private final Vocabulary vocabulary = Vocabulary.get();
    // Looked up once: these lists are drawn from millions of times.
    private final WordList[] words = lists("words");
    private final WordList[] firstNames = lists("first");
    private final WordList[] lastNames = lists("last");
    private final WordList[] genres = lists("genres");
    private final WordList emoji = vocabulary.list("emoji");
    private final WordList versions = vocabulary.list("versions");
    private final WordList bands = vocabulary.list("en.band");

    private WordList[] lists(String kind) {
        Language[] languages = Language.values();
        WordList[] lists = new WordList[languages.length];
        for (Language language : languages) {
            lists[language.ordinal()] = kind.equals("genres")
                    ? vocabulary.list("genres." + language.code) : vocabulary.list(language, kind);
        }
        return lists;
    }

    /** An artist name in {@code language}. */
    String artistName(Rng rng, Language language) {
        double u = rng.nextDouble();
        switch (language) {
            case EN:
                if (u < 0.33) {
                    return person(rng, language);
                } else if (u < 0.40) {
                    return first(rng, language);
                } else if (u < 0.52) {
                    return "The " + band(rng);
                } else if (u < 0.58) {
                    return "The " + titleCase(word(rng, language)) + " " + band(rng);
                } else if (u < 0.70) {
                    return titleCase(word(rng, language)) + " " + titleCase(word(rng, language));
                } else if (u < 0.77) {
                    return rng.pick(PREFIXES) + " " + titleCase(rng.chance(0.5) ? word(rng, language) : madeUp(rng));
                } else if (u < 0.79) {
                    return first(rng, language) + " & the " + band(rng);
                } else if (u < 0.82) {
                    // Heavy-metal umlauts: Mötley Crüe, Motörhead.
                    return metalUmlauts(titleCase(word(rng, language)) + " " + band(rng));
                } else if (u < 0.86) {
                    return acronym(rng);
                }
                return titleCase(madeUp(rng));
            case ZH:
            case JA:
                if (u < 0.6) {
                    return lastNames[language.ordinal()].pick(rng) + firstNames[language.ordinal()].pick(rng);
                }
                return u < 0.9 ? words(rng, language, 1 + rng.nextInt(2)) : titleCase(madeUp(rng));
            case KO:
                if (u < 0.35) {
                    return lastNames[language.ordinal()].pick(rng) + firstNames[language.ordinal()].pick(rng);
                } else if (u < 0.55) {
                    return first(rng, language);
                } else if (u < 0.8) {
                    return acronym(rng);
                }
                return words(rng, language, 1 + rng.nextInt(2));
            default:
                if (u < 0.5) {
                    return person(rng, language);
                } else if (u < 0.62) {
                    return first(rng, language);
                } else if (u < 0.85) {
                    boolean article = language == Language.ES && rng.chance(0.3);
                    String prefix = article ? (rng.chance(0.5) ? "Los " : "Las ") : "";
                    return prefix + words(rng, language, 1 + rng.nextInt(2));
                }
                return language.latin ? titleCase(madeUp(rng)) : words(rng, language, 1);
        }
    }

    /** A song title of one to four words, mostly in {@code language}, sometimes with an emoji. */
    String title(Rng rng, Language language) {
        double u = rng.nextDouble();
        int count = u < 0.32 ? 1 : u < 0.72 ? 2 : u < 0.92 ? 3 : 4;
        String title = words(rng, language, count);
        if (rng.chance(0.015)) {
            title = title + " " + emoji.pick(rng);
        }
        return title;
    }

    /** An album name: like a title, sometimes with an edition suffix. */
    String albumName(Rng rng, Language language) {
        String name = words(rng, language, 1 + rng.nextInt(3));
        if (rng.chance(0.07)) {
            name = name + " (" + vocabulary.list("album-suffixes").pick(rng) + ")";
        }
        return name;
    }

    /** A compilation name such as "Hits 2014" or "Essential Indie Pop". */
    String compilationName(Rng rng, int year) {
        String pattern = vocabulary.list("compilations").pick(rng);
        return pattern.replace("{year}", Integer.toString(year))
                .replace("{n}", Integer.toString(1 + rng.nextInt(110)))
                .replace("{genre}", titleCase(vocabulary.list("genres.en").pick(rng)));
    }

    /** A version suffix such as "Remastered 2011" or "Radio Edit". */
    String version(Rng rng, int recordingYear) {
        String pattern = versions.pick(rng);
        if (pattern.contains("{year}")) {
            int year = recordingYear + 5 + rng.nextInt(40);
            if (year > 2025) {
                return "Radio Edit";
            }
            return pattern.replace("{year}", Integer.toString(year));
        }
        return pattern;
    }

    String label(Rng rng) {
        return vocabulary.list("labels").pick(rng);
    }

    String licensor(Rng rng) {
        return vocabulary.list("licensors").pick(rng);
    }

    String genre(Rng rng, Language language) {
        return genres[language.ordinal()].pick(rng);
    }

    private String words(Rng rng, Language language, int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.append(language.joiner);
            }
            String word;
            if (rng.chance(0.06)) {
                word = madeUp(rng);
            } else if (language != Language.EN && rng.chance(0.08)) {
                // Code-switching: a K-pop or reggaeton title often mixes in an English word.
                word = word(rng, Language.EN);
                if (language.joiner.isEmpty()) {
                    word = " " + titleCase(word) + " ";
                }
            } else {
                word = word(rng, language);
            }
            out.append(language.latin || isAscii(word) ? titleCase(word) : word);
        }
        return language.joiner.isEmpty() ? out.toString().replace("  ", " ").strip() : out.toString();
    }

    private String word(Rng rng, Language language) {
        return words[language.ordinal()].pick(rng);
    }

    private String person(Rng rng, Language language) {
        return first(rng, language) + " " + lastNames[language.ordinal()].pick(rng);
    }

    private String first(Rng rng, Language language) {
        return firstNames[language.ordinal()].pick(rng);
    }

    private String band(Rng rng) {
        return bands.pick(rng);
    }

    /** A pronounceable made-up word of two or three syllables. */
    private static String madeUp(Rng rng) {
        StringBuilder out = new StringBuilder();
        int syllables = 2 + rng.nextInt(2);
        for (int i = 0; i < syllables; i++) {
            out.append(rng.pick(ONSETS)).append(rng.pick(VOWELS));
        }
        return out.append(rng.pick(CODAS)).toString();
    }

    private static String acronym(Rng rng) {
        int length = 2 + rng.nextInt(4);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) ('A' + rng.nextInt(26)));
        }
        return out.toString();
    }

    private static String metalUmlauts(String name) {
        return name.replace('o', 'ö').replace('u', 'ü');
    }

    static String titleCase(String word) {
        if (word.isEmpty() || !Character.isLowerCase(word.charAt(0))) {
            return word;
        }
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static boolean isAscii(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }
}

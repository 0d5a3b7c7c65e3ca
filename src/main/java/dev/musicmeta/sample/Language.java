package dev.musicmeta.sample;

/**
 * The languages and scripts the sample catalog is written in, with their share of artists. An
 * artist's language drives its name, its titles, its genres and its recordings' ISRC countries.
 */
enum Language {
    EN("en", 0.50, true, " ", new String[] {"US", "GB", "CA", "AU", "US", "US", "GB", "SE", "NL", "IE"}),
    ES("es", 0.12, true, " ", new String[] {"ES", "MX", "CO", "AR", "US", "CL", "PR"}),
    PT("pt", 0.05, true, " ", new String[] {"BR", "BR", "PT"}),
    FR("fr", 0.04, true, " ", new String[] {"FR", "FR", "BE", "CA", "CH"}),
    DE("de", 0.04, true, " ", new String[] {"DE", "DE", "AT", "CH"}),
    RU("ru", 0.04, false, " ", new String[] {"RU", "RU", "UA", "BY", "KZ"}),
    EL("el", 0.01, false, " ", new String[] {"GR", "CY"}),
    ZH("zh", 0.05, false, "", new String[] {"CN", "TW", "HK", "CN"}),
    JA("ja", 0.06, false, "", new String[] {"JP"}),
    KO("ko", 0.06, false, " ", new String[] {"KR"}),
    AR("ar", 0.03, false, " ", new String[] {"EG", "LB", "AE", "SA", "MA"});

    private static final Language[] VALUES = values();
    private static final double[] CUMULATIVE = new double[VALUES.length];

    static {
        double sum = 0;
        for (Language language : VALUES) {
            sum += language.share;
        }
        double running = 0;
        for (int i = 0; i < VALUES.length; i++) {
            running += VALUES[i].share / sum;
            CUMULATIVE[i] = running;
        }
    }

    /** ISO 639-1 code, as in track_files.language_of_performance. */
    final String code;
    final double share;
    /** Latin script: titles are title-cased and may get diacritics. */
    final boolean latin;
    /** What joins words: CJK titles other than Korean run words together. */
    final String joiner;
    /** ISRC country codes, more frequent ones repeated. */
    final String[] countries;

    Language(String code, double share, boolean latin, String joiner, String[] countries) {
        this.code = code;
        this.share = share;
        this.latin = latin;
        this.joiner = joiner;
        this.countries = countries;
    }

    static Language draw(Rng rng) {
        double u = rng.nextDouble();
        for (int i = 0; i < VALUES.length; i++) {
            if (u < CUMULATIVE[i]) {
                return VALUES[i];
            }
        }
        return EN;
    }
}

package dev.musicmeta.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A strict parser of the Prometheus text exposition format, version 0.0.4, as Prometheus reads it
 * when it scrapes: {@code # HELP} and {@code # TYPE} lines, samples with escaped label values,
 * {@code +Inf}, {@code -Inf} and {@code NaN}. It refuses what Prometheus refuses (a malformed
 * line, a second TYPE for a family, a TYPE after its samples, a family split in two, a series
 * given twice) and checks what a histogram must hold: cumulative buckets, a {@code +Inf} bucket
 * equal to its count, and a sum.
 */
public final class PrometheusText {

    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");
    private static final List<String> SUFFIXES = List.of("_total", "_created", "_bucket", "_sum", "_count", "_info");

    /** One sample line: the sample's name (the family's, or with a suffix), its labels and value. */
    public record Sample(String name, Map<String, String> labels, double value) {}

    /** A metric family: its name, TYPE, HELP and samples. */
    public record Family(String name, String type, String help, List<Sample> samples) {}

    private final Map<String, Family> families;

    private PrometheusText(Map<String, Family> families) {
        this.families = families;
    }

    /** Parses a scrape; throws {@link IllegalArgumentException} naming the line for anything Prometheus would refuse. */
    public static PrometheusText parse(String text) {
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, String> helps = new LinkedHashMap<>();
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        Set<String> seriesSeen = new HashSet<>();
        Set<String> closed = new HashSet<>();
        String current = null;
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            String where = "line " + (n + 1) + " '" + line + "'";
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                String[] parts = line.split(" ", 4);
                if (parts.length >= 3 && (parts[1].equals("HELP") || parts[1].equals("TYPE"))) {
                    String name = parts[2];
                    require(METRIC_NAME.matcher(name).matches(), "bad metric name in " + where);
                    String rest = parts.length == 4 ? parts[3] : "";
                    if (parts[1].equals("TYPE")) {
                        require(TYPES.contains(rest), "unknown type in " + where);
                        require(types.put(name, rest) == null, "second TYPE for " + name + " at " + where);
                        require(!samples.containsKey(name), "TYPE after samples of " + name + " at " + where);
                    } else {
                        require(helps.put(name, unescapeHelp(rest, where)) == null, "second HELP at " + where);
                    }
                    if (!name.equals(current)) {
                        require(!closed.contains(name), "family " + name + " split in two at " + where);
                        if (current != null) {
                            closed.add(current);
                        }
                        current = name;
                    }
                }
                continue; // any other comment is ignored, as Prometheus does
            }
            Sample sample = sample(line, where);
            String family = familyOf(sample.name(), types);
            if (!family.equals(current)) {
                require(!closed.contains(family), "family " + family + " split in two at " + where);
                if (current != null) {
                    closed.add(current);
                }
                current = family;
            }
            require(seriesSeen.add(sample.name() + new TreeMap<>(sample.labels())), "series given twice at " + where);
            samples.computeIfAbsent(family, f -> new ArrayList<>()).add(sample);
        }
        Map<String, Family> families = new LinkedHashMap<>();
        samples.forEach((name, list) -> families.put(name, new Family(name, types.getOrDefault(name, "untyped"),
                helps.get(name), List.copyOf(list))));
        families.values().stream().filter(f -> f.type().equals("histogram")).forEach(PrometheusText::checkHistogram);
        return new PrometheusText(Collections.unmodifiableMap(families));
    }

    /** Every family, by name. */
    public Map<String, Family> families() {
        return families;
    }

    /** The family {@code name}, or null. */
    public Family family(String name) {
        return families.get(name);
    }

    /** Every sample named {@code sampleName} (a family's name, or with its suffix). */
    public List<Sample> samples(String sampleName) {
        List<Sample> found = new ArrayList<>();
        for (Family f : families.values()) {
            for (Sample s : f.samples()) {
                if (s.name().equals(sampleName)) {
                    found.add(s);
                }
            }
        }
        return found;
    }

    /** The value of the sample {@code sampleName} whose labels include {@code labels}; null when none, an error when several. */
    public Double value(String sampleName, Map<String, String> labels) {
        List<Sample> matching = samples(sampleName).stream()
                .filter(s -> s.labels().entrySet().containsAll(labels.entrySet())).toList();
        if (matching.size() > 1) {
            throw new IllegalArgumentException(matching.size() + " samples of " + sampleName + " match " + labels);
        }
        return matching.isEmpty() ? null : matching.get(0).value();
    }

    private static Sample sample(String line, String where) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
            i++;
        }
        String name = line.substring(0, i);
        require(METRIC_NAME.matcher(name).matches(), "bad metric name in " + where);
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (true) {
                if (line.charAt(i) == '}') {
                    i++;
                    break;
                }
                int eq = line.indexOf('=', i);
                require(eq > i, "bad label in " + where);
                String label = line.substring(i, eq);
                require(LABEL_NAME.matcher(label).matches(), "bad label name '" + label + "' in " + where);
                require(eq + 1 < line.length() && line.charAt(eq + 1) == '"', "unquoted label value in " + where);
                StringBuilder value = new StringBuilder();
                int j = eq + 2;
                for (; j < line.length() && line.charAt(j) != '"'; j++) {
                    char c = line.charAt(j);
                    if (c == '\\') {
                        char next = line.charAt(++j);
                        value.append(switch (next) {
                            case '\\' -> '\\';
                            case '"' -> '"';
                            case 'n' -> '\n';
                            default -> throw new IllegalArgumentException("bad escape in " + where);
                        });
                    } else {
                        value.append(c);
                    }
                }
                require(j < line.length(), "unterminated label value in " + where);
                require(labels.put(label, value.toString()) == null, "label " + label + " twice in " + where);
                i = j + 1;
                if (line.charAt(i) == ',') {
                    i++;
                }
            }
        }
        require(i < line.length() && line.charAt(i) == ' ', "no value in " + where);
        String[] rest = line.substring(i + 1).strip().split(" +");
        require(rest.length == 1 || rest.length == 2, "extra fields in " + where);
        double value = switch (rest[0]) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> {
                try {
                    yield Double.parseDouble(rest[0]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("bad value in " + where);
                }
            }
        };
        if (rest.length == 2) {
            require(rest[1].matches("-?[0-9]+"), "bad timestamp in " + where);
        }
        return new Sample(name, Collections.unmodifiableMap(labels), value);
    }

    /** The family a sample belongs to: the typed family it is named for, with or without its suffix. */
    private static String familyOf(String sampleName, Map<String, String> types) {
        if (types.containsKey(sampleName)) {
            return sampleName;
        }
        for (String suffix : SUFFIXES) {
            if (sampleName.endsWith(suffix)) {
                String base = sampleName.substring(0, sampleName.length() - suffix.length());
                if (types.containsKey(base)) {
                    return base;
                }
            }
        }
        return sampleName;
    }

    private static void checkHistogram(Family histogram) {
        Map<Map<String, String>, List<Sample>> buckets = new LinkedHashMap<>();
        Map<Map<String, String>, Double> counts = new LinkedHashMap<>();
        Set<Map<String, String>> sums = new HashSet<>();
        for (Sample s : histogram.samples()) {
            Map<String, String> series = new TreeMap<>(s.labels());
            series.remove("le");
            if (s.name().equals(histogram.name() + "_bucket")) {
                require(s.labels().containsKey("le"), histogram.name() + ": a bucket without le");
                buckets.computeIfAbsent(series, k -> new ArrayList<>()).add(s);
            } else if (s.name().equals(histogram.name() + "_count")) {
                counts.put(series, s.value());
            } else if (s.name().equals(histogram.name() + "_sum")) {
                sums.add(series);
            }
        }
        require(!buckets.isEmpty(), histogram.name() + ": a histogram without buckets");
        buckets.forEach((series, list) -> {
            double previousBound = Double.NEGATIVE_INFINITY;
            double previousCount = 0;
            for (Sample bucket : list) {
                String le = bucket.labels().get("le");
                double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
                require(bound > previousBound, histogram.name() + series + ": buckets not in increasing order of le");
                require(bucket.value() >= previousCount, histogram.name() + series + ": buckets not cumulative");
                previousBound = bound;
                previousCount = bucket.value();
            }
            require(previousBound == Double.POSITIVE_INFINITY, histogram.name() + series + ": no +Inf bucket");
            require(counts.containsKey(series) && counts.get(series) == previousCount,
                    histogram.name() + series + ": the +Inf bucket is not the count");
            require(sums.contains(series), histogram.name() + series + ": no sum");
        });
    }

    private static String unescapeHelp(String help, String where) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < help.length(); i++) {
            char c = help.charAt(i);
            if (c == '\\' && i + 1 < help.length()) {
                char next = help.charAt(++i);
                out.append(switch (next) {
                    case '\\' -> '\\';
                    case 'n' -> '\n';
                    default -> throw new IllegalArgumentException("bad escape in HELP at " + where);
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}

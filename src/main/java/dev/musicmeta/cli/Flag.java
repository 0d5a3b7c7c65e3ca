package dev.musicmeta.cli;

import java.util.Locale;
import picocli.CommandLine;

/**
 * Booleans as people and deployment files write them: {@code true/false}, {@code yes/no},
 * {@code on/off}, {@code 1/0}, in any case ({@code MMA_DEMO=1}, {@code MMA_TRUST_PROXY=Yes}).
 * Registered for every boolean option of every command ({@link Main}).
 */
final class Flag implements CommandLine.ITypeConverter<Boolean> {

    static final String ACCEPTED = "true or false, yes or no, on or off, 1 or 0 (any case)";

    @Override
    public Boolean convert(String value) {
        Boolean parsed = parse(value);
        if (parsed == null) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a boolean: use " + ACCEPTED);
        }
        return parsed;
    }

    /** The boolean {@code value} spells, or null when it spells none. */
    static Boolean parse(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> Boolean.TRUE;
            case "false", "no", "off", "0" -> Boolean.FALSE;
            default -> null;
        };
    }
}

package io.leadsla.connector.export;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks and copies every CRM's export options make of what they share (patterns, column
 * labels, label lists, extra attributes), so that each refuses the same mistake with the same words.
 * Each returns an unmodifiable copy; each throws {@link IllegalArgumentException} saying what is wrong.
 */
public final class ExportOptions {

    private ExportOptions() {
    }

    /** Date-time patterns, each checked the way {@link ExportTimeParser} will use it. */
    public static List<String> dateTimePatterns(List<String> patterns) {
        List<String> copy = List.copyOf(patterns);
        copy.forEach(ExportTimeParser::validatePattern);
        return copy;
    }

    /** Labels that replace a column's default ones; none may be blank. */
    public static <C extends Enum<C>> Map<C, String> columns(Map<C, String> columns) {
        // EnumMap's copy constructor needs a non-empty map to learn the enum type from
        Map<C, String> copy = columns.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(columns));
        copy.forEach((column, label) -> {
            if (label == null || label.isBlank()) {
                throw new IllegalArgumentException("the label of column " + column + " must not be blank");
            }
        });
        return copy;
    }

    /**
     * Labels such as lead statuses or queue names, in the order given, none blank.
     *
     * @param what names them in the message, e.g. {@code "status"}
     */
    public static Set<String> labels(Collection<String> labels, String what) {
        Set<String> copy = new LinkedHashSet<>();
        for (String label : labels) {
            if (label == null || label.isBlank()) {
                throw new IllegalArgumentException("a " + what + " label must not be blank");
            }
            copy.add(label);
        }
        return Collections.unmodifiableSet(copy);
    }

    /**
     * Extra columns to copy onto the events (column label → attribute name), in the order given.
     * None may take a {@linkplain ExportAttributes#RESERVED reserved} name.
     */
    public static Map<String, String> extraAttributes(Map<String, String> extraAttributes) {
        Map<String, String> copy = Collections.unmodifiableMap(new LinkedHashMap<>(extraAttributes));
        copy.forEach((label, attribute) -> {
            if (label == null || label.isBlank() || attribute == null || attribute.isBlank()) {
                throw new IllegalArgumentException("extra attributes need a column label and an attribute name");
            }
            if (ExportAttributes.RESERVED.contains(attribute)) {
                throw new IllegalArgumentException("attribute '" + attribute + "' is set by the importer itself;"
                        + " choose another name for column '" + label + "'");
            }
        });
        return copy;
    }
}

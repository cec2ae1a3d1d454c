package io.leadsla.connector.export;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The header row of an export: finds columns by any of their known labels (see {@link Labels}
 * for how labels compare) and, when a required one is missing, fails with a message that lists
 * what the file does have, since the usual cause is the wrong file or a renamed column.
 */
public final class ExportHeader {

    /** Beyond this many columns the "columns found" list is cut: HubSpot exports can have hundreds. */
    private static final int LISTED_COLUMNS = 40;

    private final String source;
    private final List<String> labels;
    private final Map<String, Integer> byKey;
    private final List<String> duplicates;

    public ExportHeader(String source, List<String> labels) {
        this.source = source;
        this.labels = List.copyOf(labels);
        Map<String, Integer> keys = new HashMap<>();
        List<String> dupes = new ArrayList<>();
        for (int i = 0; i < this.labels.size(); i++) {
            String key = Labels.normalize(this.labels.get(i));
            if (key.isEmpty()) {
                continue;
            }
            if (keys.putIfAbsent(key, i) != null) {
                dupes.add(this.labels.get(i)); // the first one wins: it is what a person sees first
            }
        }
        this.byKey = Map.copyOf(keys);
        this.duplicates = List.copyOf(dupes);
    }

    public String source() {
        return source;
    }

    /** The header cells as written in the file. */
    public List<String> labels() {
        return labels;
    }

    public int size() {
        return labels.size();
    }

    /** Labels that appear more than once; only the first occurrence of each is read. */
    public List<String> duplicates() {
        return duplicates;
    }

    /** The first of {@code candidates} the file has, in the order given. */
    public Optional<Column> find(List<String> candidates) {
        for (String candidate : candidates) {
            Integer index = byKey.get(Labels.normalize(candidate));
            if (index != null) {
                return Optional.of(new Column(labels.get(index), index));
            }
        }
        return Optional.empty();
    }

    /** Every one of {@code candidates} the file has, in the order given (for values that may sit in either). */
    public List<Column> findAll(List<String> candidates) {
        List<Column> found = new ArrayList<>();
        for (String candidate : candidates) {
            Integer index = byKey.get(Labels.normalize(candidate));
            if (index != null && found.stream().noneMatch(c -> c.index() == index)) {
                found.add(new Column(labels.get(index), index));
            }
        }
        return Collections.unmodifiableList(found);
    }

    /**
     * The first of {@code candidates} the file has.
     *
     * @param hint appended to the message when the column is missing (how to fix it), may be empty
     * @throws ExportImportException naming the file, the column and the columns found
     */
    public Column require(List<String> candidates, String hint) {
        return find(candidates).orElseThrow(() -> missing(candidates, hint));
    }

    /**
     * An optional column: {@code null} when the file lacks it, unless the user named it
     * ({@code configured}), since then a file without it is an error, not a quiet default.
     *
     * @param hint appended to the message when a configured column is missing
     */
    public Column optional(List<String> candidates, boolean configured, String hint) {
        return configured ? require(candidates, hint) : find(candidates).orElse(null);
    }

    /**
     * The columns of the configured extra attributes (column label → attribute name), each
     * required: the user asked for it.
     *
     * @param options how the message names the options that ask for them, e.g. {@code "HubSpot export options"}
     * @return column → attribute name, in the order given
     */
    public Map<Column, String> requireExtras(Map<String, String> extraAttributes, String options) {
        Map<Column, String> extras = new LinkedHashMap<>();
        extraAttributes.forEach((label, name) -> extras.put(require(List.of(label),
                "The " + options + " copy this column into attribute '" + name + "'."), name));
        return extras;
    }

    /** The exception for a missing column, for callers that need several candidates at once. */
    public ExportImportException missing(List<String> candidates, String hint) {
        StringBuilder message = new StringBuilder("no ").append(quoteAll(candidates, " or ")).append(" column");
        message.append(". Columns found: ").append(foundColumns()).append('.');
        if (hint != null && !hint.isBlank()) {
            message.append(' ').append(hint);
        }
        return new ExportImportException(source, 0, message.toString());
    }

    private String foundColumns() {
        if (labels.isEmpty()) {
            return "none";
        }
        List<String> shown = labels.size() > LISTED_COLUMNS ? labels.subList(0, LISTED_COLUMNS) : labels;
        String list = quoteAll(shown, ", ");
        return labels.size() > LISTED_COLUMNS ? list + " and " + (labels.size() - LISTED_COLUMNS) + " more" : list;
    }

    private static String quoteAll(List<String> values, String separator) {
        StringBuilder out = new StringBuilder();
        for (String value : values) {
            if (out.length() > 0) {
                out.append(separator);
            }
            out.append('\'').append(value).append('\'');
        }
        return out.toString();
    }
}

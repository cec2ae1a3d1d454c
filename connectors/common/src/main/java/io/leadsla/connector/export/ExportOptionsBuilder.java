package io.leadsla.connector.export;

import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What every CRM's export options builder sets: the zone, locale and patterns of the export's
 * times, labels that replace a column's default ones, the lead statuses that mean rejected or
 * recycled, and extra columns to copy onto the events. Every setter replaces the previous value;
 * the CRM's options record checks them all when built (see {@link ExportOptions}).
 *
 * @param <C> the CRM's columns
 * @param <B> the CRM's builder, which the setters return
 */
public abstract class ExportOptionsBuilder<C extends Enum<C>, B extends ExportOptionsBuilder<C, B>> {

    private final ZoneId zone;
    private final Map<C, String> columns;
    private final Map<String, String> extraAttributes = new LinkedHashMap<>();
    private Locale locale = Locale.US;
    private List<String> dateTimePatterns;
    private Collection<String> rejectedStatuses;
    private Collection<String> recycledStatuses;

    /** Starts from the CRM's defaults; the zone is not checked here, the record says why it is required. */
    protected ExportOptionsBuilder(ZoneId zone, Class<C> columnType, List<String> dateTimePatterns,
                                   Collection<String> rejectedStatuses, Collection<String> recycledStatuses) {
        this.zone = zone;
        this.columns = new EnumMap<>(columnType);
        this.dateTimePatterns = dateTimePatterns;
        this.rejectedStatuses = rejectedStatuses;
        this.recycledStatuses = recycledStatuses;
    }

    /** The locale of month names and AM/PM markers in the patterns (default {@code Locale.US}). */
    public B locale(Locale locale) {
        this.locale = locale;
        return self();
    }

    /**
     * Patterns tried after the ISO forms, in order: e.g. {@code Locale.UK} with {@code dd/MM/yyyy HH:mm}
     * and {@code dd/MM/yyyy}, or {@code MM/dd/yyyy HH:mm} for a file re-saved by a US spreadsheet.
     */
    public B dateTimePatterns(List<String> patterns) {
        this.dateTimePatterns = List.copyOf(patterns);
        return self();
    }

    /** Reads {@code column} from the column labelled {@code label} instead of the default label. */
    public B column(C column, String label) {
        columns.put(column, label);
        return self();
    }

    public B rejectedStatuses(Collection<String> labels) {
        this.rejectedStatuses = List.copyOf(labels);
        return self();
    }

    public B recycledStatuses(Collection<String> labels) {
        this.recycledStatuses = List.copyOf(labels);
        return self();
    }

    /** Copies column {@code label} onto every event as attribute {@code attribute}. */
    public B extraAttribute(String label, String attribute) {
        extraAttributes.put(label, attribute);
        return self();
    }

    protected ZoneId zone() {
        return zone;
    }

    protected Locale locale() {
        return locale;
    }

    protected List<String> dateTimePatterns() {
        return dateTimePatterns;
    }

    /** The configured labels as set so far; the record copies them. */
    protected Map<C, String> columns() {
        return columns;
    }

    protected Set<String> rejectedStatuses() {
        return new LinkedHashSet<>(rejectedStatuses);
    }

    protected Set<String> recycledStatuses() {
        return new LinkedHashSet<>(recycledStatuses);
    }

    /** The extra columns as set so far; the record copies them. */
    protected Map<String, String> extraAttributes() {
        return extraAttributes;
    }

    @SuppressWarnings("unchecked") // every subclass names itself as B
    private B self() {
        return (B) this;
    }
}

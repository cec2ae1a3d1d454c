package io.leadsla.connector.export;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Compares the labels people type (column headers, picklist values such as a lead status) the
 * way a person reads them: case, runs of spaces and quote marks do not matter. CRMs change the
 * capitalisation of their default labels between releases ("Lead Status", "Lead status"), a
 * spreadsheet round trip can turn straight quotes into curly ones, and HubSpot's stage-date
 * headers carry quotes inside the label, so an exact comparison would fail on files people
 * consider identical.
 */
public final class Labels {

    private Labels() {
    }

    /** The comparison key of a label: lower case, no quote marks, single spaces, trimmed. */
    public static String normalize(String label) {
        if (label == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(label.length());
        boolean space = false;
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (c == '"' || c == '\u201C' || c == '\u201D' || c == '\u201E' || c == '\uFEFF') {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(c);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** The comparison keys of several labels, e.g. the configured rejected statuses. */
    public static Set<String> normalizeAll(Collection<String> labels) {
        Set<String> out = new LinkedHashSet<>();
        for (String label : labels) {
            String key = normalize(label);
            if (!key.isEmpty()) {
                out.add(key);
            }
        }
        return Set.copyOf(out);
    }

    /** Whether {@code value} is one of the labels whose keys are {@code normalizedLabels}. */
    public static boolean in(String value, Set<String> normalizedLabels) {
        return value != null && normalizedLabels.contains(normalize(value));
    }
}

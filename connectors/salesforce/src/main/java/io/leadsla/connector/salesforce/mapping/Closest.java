package io.leadsla.connector.salesforce.mapping;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The known name or value closest to one written in the YAML, for "did you mean" hints: labels
 * written for API names ("Lead Source" for LeadSource), case slips, a letter or two off.
 */
final class Closest {

    private Closest() {
    }

    static Optional<String> to(String written, Collection<String> known) {
        if (written == null || written.isBlank()) {
            return Optional.empty();
        }
        String wanted = squeeze(written);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            String squeezed = squeeze(candidate);
            if (squeezed.equals(wanted)) {
                return Optional.of(candidate);
            }
            int distance = distance(wanted, squeezed);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        // beyond a quarter of the word it is another word, not a typo
        return bestDistance <= Math.max(2, wanted.length() / 4) ? Optional.ofNullable(best) : Optional.empty();
    }

    private static String squeeze(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.endsWith("__c")) {
            lower = lower.substring(0, lower.length() - 3); // "Score" for Score__c
        }
        return lower.replaceAll("[^a-z0-9]", "");
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

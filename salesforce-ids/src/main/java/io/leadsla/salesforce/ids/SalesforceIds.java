package io.leadsla.salesforce.ids;

import java.util.Locale;
import java.util.Optional;

/**
 * The format of Salesforce record ids, in one place for the connector, the simulator and the bench.
 *
 * <p>A record id is 15 base-62 characters (a 3-character key prefix naming the object, then the
 * record's own part), and case-sensitive: that is the form Salesforce's UI and reports show. The API
 * returns an 18-character form, which adds a 3-character suffix recording which of the first fifteen
 * characters are upper case, so that the id survives tools that ignore case. The suffix is
 * Salesforce's published algorithm: the fifteen characters are cut into three chunks of five; in
 * each chunk, bit {@code i} is set when character {@code i} is a letter A–Z; the chunk's 5-bit value
 * picks a character of {@code ABCDEFGHIJKLMNOPQRSTUVWXYZ012345}.
 *
 * <p>The canonical form, used wherever ids are compared or stored, is the 18-character one with
 * the case of the first fifteen characters right and the suffix in upper case.
 */
public final class SalesforceIds {

    /** The 32 suffix characters, indexed by a chunk's upper-case bits: 6–9 and lower case never occur. */
    private static final String SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    private SalesforceIds() {
    }

    /**
     * The 18-character form of a 15-character id: the id followed by its case suffix.
     *
     * @throws IllegalArgumentException when {@code id15} is not 15 base-62 characters
     */
    public static String to18(String id15) {
        if (id15 == null || id15.length() != 15 || !isBase62(id15)) {
            throw new IllegalArgumentException("not a 15-character Salesforce id: " + id15);
        }
        StringBuilder id = new StringBuilder(18).append(id15);
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = 0;
            for (int i = 0; i < 5; i++) {
                char c = id15.charAt(chunk * 5 + i);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << i;
                }
            }
            id.append(SUFFIX_ALPHABET.charAt(bits));
        }
        return id.toString();
    }

    /**
     * Whether {@code text} has the shape of an id: 15 or 18 base-62 characters. An 18-character text
     * of that shape can still have an impossible suffix; {@link #canonical} checks that too.
     */
    public static boolean isId(String text) {
        return text != null && (text.length() == 15 || text.length() == 18) && isBase62(text);
    }

    /**
     * The canonical form of an 18-character id whose case may have been lost (typed in lower case,
     * kept by a case-insensitive tool): the case of the first fifteen characters is taken from the
     * suffix, which is what the suffix is for. Empty when the suffix is impossible, so the text cannot
     * be an id: a suffix character 6–9, or a suffix marking a digit as upper case.
     *
     * @throws IllegalArgumentException when {@code id18} is not 18 base-62 characters
     */
    public static Optional<String> restoreCase(String id18) {
        if (id18 == null || id18.length() != 18 || !isBase62(id18)) {
            throw new IllegalArgumentException("not an 18-character Salesforce id: " + id18);
        }
        // the suffix itself is case-insensitive (upper case in the canonical form): it only has 32 values
        String suffix = id18.substring(15).toUpperCase(Locale.ROOT);
        StringBuilder id = new StringBuilder(18);
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = SUFFIX_ALPHABET.indexOf(suffix.charAt(chunk));
            if (bits < 0) {
                return Optional.empty();
            }
            for (int i = 0; i < 5; i++) {
                char c = id18.charAt(chunk * 5 + i);
                boolean upper = (bits & (1 << i)) != 0;
                if (c >= '0' && c <= '9') {
                    if (upper) {
                        return Optional.empty();
                    }
                    id.append(c);
                } else {
                    id.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
                }
            }
        }
        return Optional.of(id.append(suffix).toString());
    }

    /**
     * The canonical 18-character form of a 15- or 18-character id, so that the two forms of one record
     * compare equal; empty when {@code text} is not an id. Surrounding blanks are not ignored: callers
     * that read ids from files or forms strip them first.
     */
    public static Optional<String> canonical(String text) {
        if (!isId(text)) {
            return Optional.empty();
        }
        return text.length() == 15 ? Optional.of(to18(text)) : restoreCase(text);
    }

    /** ASCII letters and digits only: {@link Character#isLetterOrDigit} would accept any script. */
    private static boolean isBase62(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                return false;
            }
        }
        return true;
    }
}

package io.leadsla.connector.salesforce.export;

/**
 * Salesforce record ids. Reports export the 15-character, case-sensitive form; the API returns
 * the 18-character form, whose last three characters encode the case of the first fifteen. The
 * importer turns 15 into 18 so that a lead replayed from a report has the same record id as the
 * same lead seen through the API.
 */
public final class SalesforceIds {

    private static final String SUFFIX_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    private SalesforceIds() {
    }

    /** The 18-character form of a 15- or 18-character id; {@code null} when {@code id} is not an id. */
    public static String to18(String id) {
        if (id == null || (id.length() != 15 && id.length() != 18)) {
            return null;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                return null;
            }
        }
        if (id.length() == 18) {
            return id;
        }
        StringBuilder out = new StringBuilder(18).append(id);
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = 0;
            for (int i = 0; i < 5; i++) {
                char c = id.charAt(chunk * 5 + i);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << i;
                }
            }
            out.append(SUFFIX_CHARS.charAt(bits));
        }
        return out.toString();
    }
}

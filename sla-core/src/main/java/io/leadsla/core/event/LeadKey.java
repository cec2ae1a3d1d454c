package io.leadsla.core.event;

import java.util.Objects;

/**
 * Identifies a lead across leadsla: the CRM, the account of that CRM (a HubSpot portal, a
 * Salesforce org, as named in the configuration) and the record id in it. Two portals may both
 * have a contact 1001: the account keeps them apart.
 */
public record LeadKey(Crm crm, String account, String recordId) implements Comparable<LeadKey> {

    /** The account of a single-account configuration, and of events that name none. */
    public static final String DEFAULT_ACCOUNT = "default";

    public LeadKey {
        Objects.requireNonNull(crm, "crm");
        account = account(account);
        if (recordId == null || recordId.isBlank()) {
            throw new IllegalArgumentException("recordId must not be blank");
        }
    }

    /** A lead of the CRM's default account. */
    public LeadKey(Crm crm, String recordId) {
        this(crm, DEFAULT_ACCOUNT, recordId);
    }

    /**
     * Checks an account name: letters, digits, '-' and '_' (it appears in URLs, inbox sources and
     * event ids); {@code null} or blank is the default account.
     */
    public static String account(String name) {
        if (name == null || name.isBlank() || name.equals(DEFAULT_ACCOUNT)) {
            return DEFAULT_ACCOUNT; // the one instance: every event and key of a single account shares it
        }
        // checked by hand, not by a regular expression: this runs for every event and key built
        boolean valid = name.length() <= 32;
        for (int i = 0; valid && i < name.length(); i++) {
            char c = name.charAt(i);
            valid = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        }
        if (!valid) {
            throw new IllegalArgumentException("account '" + name + "' must be 1 to 32 letters, digits, '-' or '_'");
        }
        return name;
    }

    public boolean inDefaultAccount() {
        return DEFAULT_ACCOUNT.equals(account);
    }

    @Override
    public int compareTo(LeadKey other) {
        // written out rather than a Comparator chain: replay sorts hundreds of thousands of leads
        int byCrm = crm.compareTo(other.crm);
        if (byCrm != 0) {
            return byCrm;
        }
        int byAccount = account == other.account ? 0 : account.compareTo(other.account);
        return byAccount != 0 ? byAccount : recordId.compareTo(other.recordId);
    }

    /** {@code hubspot:1001}, or {@code hubspot@emea:1001} outside the default account. */
    @Override
    public String toString() {
        return crm.id() + (inDefaultAccount() ? "" : "@" + account) + ":" + recordId;
    }
}

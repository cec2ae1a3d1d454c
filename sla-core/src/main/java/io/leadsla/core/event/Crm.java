package io.leadsla.core.event;

import java.util.Locale;

/** The CRMs leadsla watches. {@link #id()} is the lower-case name used on the wire. */
public enum Crm {
    HUBSPOT,
    SALESFORCE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the wire name ({@code hubspot}, {@code salesforce}), case-insensitively. */
    public static Crm fromId(String id) {
        if (id != null) {
            for (Crm crm : values()) {
                if (crm.id().equalsIgnoreCase(id.trim())) {
                    return crm;
                }
            }
        }
        throw new IllegalArgumentException("unknown crm '" + id + "' (expected hubspot or salesforce)");
    }
}

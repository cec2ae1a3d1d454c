package io.leadsla.core.kpi;

import java.util.Locale;

/** How KPIs can be split for the weekly alignment meeting. */
public enum GroupBy {
    OWNER,
    SOURCE,
    TIER,
    MONTH,
    /** The CRM account (portal, org) the lead lives in, as {@code hubspot/emea}. */
    ACCOUNT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static GroupBy fromId(String id) {
        for (GroupBy g : values()) {
            if (g.id().equalsIgnoreCase(id.trim())) {
                return g;
            }
        }
        throw new IllegalArgumentException("cannot group by '" + id + "': use owner, source, tier, month or account");
    }
}

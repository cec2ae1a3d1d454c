package io.leadsla.demo;

import io.leadsla.core.event.Crm;
import java.util.List;
import java.util.Locale;

/**
 * A sales rep of the demo's two CRMs: a region (which picks the rep's calendar) and a pace that
 * decides whether the rep keeps the SLA.
 */
record Rep(Crm crm, String firstName, String lastName, String region, Pace pace) {

    /** How a rep handles new leads. */
    enum Pace {
        /** calls within a minute (demo requests) or within the hour (others): keeps the SLA */
        QUICK("quick"),
        /** calls, but hours late: at risk, then breached */
        SLOW("slow"),
        /** never calls: breached; a manager reassigns the lead the next working day */
        NEVER("never calls");

        private final String label;

        Pace(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    static final String EMEA = "EMEA";
    static final String NA = "NA";

    /** The demo's sales team: in each CRM a quick, a slow and a silent rep in EMEA, and one in North America. */
    static final List<Rep> TEAM = List.of(
            new Rep(Crm.HUBSPOT, "Anna", "Berg", EMEA, Pace.QUICK),
            new Rep(Crm.HUBSPOT, "Marc", "Dubois", EMEA, Pace.SLOW),
            new Rep(Crm.HUBSPOT, "Leo", "Martin", EMEA, Pace.NEVER),
            new Rep(Crm.HUBSPOT, "Jordan", "Price", NA, Pace.QUICK),
            new Rep(Crm.SALESFORCE, "Sofia", "Rossi", EMEA, Pace.QUICK),
            new Rep(Crm.SALESFORCE, "Tom", "Fischer", EMEA, Pace.SLOW),
            new Rep(Crm.SALESFORCE, "Nina", "Kowalski", EMEA, Pace.NEVER),
            new Rep(Crm.SALESFORCE, "Chris", "Walker", NA, Pace.SLOW));

    static List<Rep> of(Crm crm) {
        return TEAM.stream().filter(r -> r.crm() == crm).toList();
    }

    static Rep find(Crm crm, String region, Pace pace) {
        return TEAM.stream().filter(r -> r.crm() == crm && r.region().equals(region) && r.pace() == pace).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + pace + " rep in " + region + " on " + crm));
    }

    String name() {
        return firstName + " " + lastName;
    }

    String email() {
        return (firstName + "." + lastName).toLowerCase(Locale.ROOT) + "@sales.acme.example";
    }

    @Override
    public String toString() {
        return name() + " (" + region + ", " + pace.label() + ")";
    }
}

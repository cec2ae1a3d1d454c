package io.leadsla.connector.salesforce.normalize;

import io.leadsla.connector.salesforce.mapping.SalesforceMapping;
import io.leadsla.core.event.LeadEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Test ids (15-character forms, their 18-character forms computed independently) and record builders. */
final class Sf {

    static final String ORG = "00D5e000000KQ2eEAG";
    static final String LEAD_15 = "00Q5e00000AbCdE";
    static final String LEAD = "00Q5e00000AbCdEEAV";
    static final String OTHER_LEAD = "00Q5e00000XyZzYEAV";
    static final String REP_A_15 = "0055e000001RepA";
    static final String REP_A = "0055e000001RepAAAS";
    static final String REP_B = "0055e000001RepBAAS";
    static final String LEADSLA_USER_15 = "0055e000001LsLa";
    static final String LEADSLA_USER = "0055e000001LsLaAAK";
    static final String QUEUE = "00G5e000000MktQEAS";
    static final String CONTACT = "0035e00000CoNtAAAV";
    static final String TASK = "00T5e00000TaSk1EAF";
    static final String EVENT = "00U5e00000EvNt1EAF";
    static final String HISTORY_1 = "0175e00000HiSt1AAF";
    static final String HISTORY_2 = "0175e00000HiSt2AAF";

    static final String SAVED = "2026-11-23T08:00:00.000Z";
    static final Instant SAVED_AT = Instant.parse(SAVED);

    private Sf() {
    }

    /** The mapping most tests use: defaults, leadsla's user, regions for rep A. */
    static SalesforceMapping mapping() {
        return new SalesforceMapping(null, null, null, null, null, null, List.of("Nurture"), null, null,
                Map.of(REP_A_15, "EMEA"), "NA", null, LEADSLA_USER_15);
    }

    static LeadChangeInterpreter interpreter() {
        return new LeadChangeInterpreter(mapping());
    }

    /** A Lead record as an Outbound Message or a poll gives it, with every field leadsla reads. */
    static Map<String, String> lead(String status, String owner) {
        Map<String, String> lead = new HashMap<>();
        lead.put("Id", LEAD);
        lead.put("Status", status);
        lead.put("OwnerId", owner);
        lead.put("IsConverted", "false");
        lead.put("LastModifiedDate", SAVED);
        lead.put("SystemModstamp", SAVED);
        lead.put("LastModifiedById", REP_B);
        lead.put("LeadSLA_Rejection_Reason__c", null);
        lead.put("LeadSource", "Web");
        lead.put("Rating", "Hot");
        lead.put("Country", "FR");
        return lead;
    }

    static Map<String, String> with(Map<String, String> record, String field, String value) {
        Map<String, String> copy = new HashMap<>(record);
        copy.put(field, value);
        return copy;
    }

    static Map<String, String> without(Map<String, String> record, String field) {
        Map<String, String> copy = new HashMap<>(record);
        copy.remove(field);
        return copy;
    }

    static Map<String, String> history(String id, String field, String oldValue, String newValue, String by) {
        Map<String, String> row = new HashMap<>();
        row.put("Id", id);
        row.put("LeadId", LEAD_15);
        row.put("Field", field);
        row.put("OldValue", oldValue);
        row.put("NewValue", newValue);
        row.put("CreatedDate", "2026-11-23T07:30:00.000Z");
        row.put("CreatedById", by);
        return row;
    }

    /** What a test reads of an event: type, time and attributes by id. */
    static Map<String, LeadEvent> byId(List<LeadEvent> events) {
        Map<String, LeadEvent> byId = new HashMap<>();
        events.forEach(e -> byId.put(stateId(e), e));
        return byId;
    }

    /** A lead state event's id without its value digest (the tests name ids by field and time). */
    static String stateId(LeadEvent e) {
        return e.eventId().matches("salesforce:lead:[^:]+:[^:]+:\\d+:[0-9a-f]{8}") ? e.eventId().substring(0, e.eventId().length() - 9)
                : e.eventId();
    }
}

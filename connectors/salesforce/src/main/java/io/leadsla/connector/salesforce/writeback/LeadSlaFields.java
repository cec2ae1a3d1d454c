package io.leadsla.connector.salesforce.writeback;

import com.sforce.soap.partner.sobject.SObject;
import io.leadsla.core.clock.RecordSla;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

/**
 * The Lead fields leadsla writes (deployed by the package in {@code connectors/salesforce/sfdx}).
 * Their API names start with {@code LeadSLA_}, which is how the connector recognises its own
 * writes when polling or an Outbound Message reports them back.
 */
public final class LeadSlaFields {

    public static final String STATUS = "LeadSLA_Status__c";
    public static final String DUE_AT = "LeadSLA_Due_At__c";
    public static final String POLICY = "LeadSLA_Policy__c";
    public static final String BREACHED_AT = "LeadSLA_Breached_At__c";
    public static final String ATTEMPTS = "LeadSLA_Attempts__c";
    /** On Task: the external id (unique) holding leadsla's idempotency key; upserts on it never duplicate. */
    public static final String TASK_KEY = "LeadSLA_Task_Key__c";

    private LeadSlaFields() {
    }

    /** The Lead to update: its SLA fields set, the empty ones cleared with fieldsToNull. */
    public static SObject lead(String leadId, RecordSla sla) {
        SObject lead = new SObject("Lead");
        lead.setId(leadId);
        List<String> toNull = new ArrayList<>();
        set(lead, toNull, STATUS, sla.status() == null ? null : sla.status().name());
        set(lead, toNull, DUE_AT, calendar(sla.dueAt()));
        set(lead, toNull, POLICY, sla.policyId());
        set(lead, toNull, BREACHED_AT, calendar(sla.breachedAt()));
        lead.setField(ATTEMPTS, (double) sla.attempts());
        if (!toNull.isEmpty()) {
            lead.setFieldsToNull(toNull.toArray(String[]::new));
        }
        return lead;
    }

    private static void set(SObject record, List<String> toNull, String field, Object value) {
        if (value == null) {
            toNull.add(field);
        } else {
            record.setField(field, value);
        }
    }

    /** force-wsc writes datetimes from Calendars, in UTC. */
    static Calendar calendar(Instant instant) {
        if (instant == null) {
            return null;
        }
        GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        c.setTimeInMillis(instant.toEpochMilli());
        return c;
    }
}

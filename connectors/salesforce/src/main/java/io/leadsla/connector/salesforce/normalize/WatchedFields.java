package io.leadsla.connector.salesforce.normalize;

import io.leadsla.connector.salesforce.mapping.SalesforceMapping;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The fields leadsla reads, by the mapping: what an Outbound Message must send and what a poll
 * selects. A field left out is simply not read (a snapshot without {@code Rating} leaves the
 * {@code rating} attribute as it was), but then Outbound Messages and polls see different things.
 *
 * @param lead               Lead fields: to send in the Outbound Message and to select when polling
 *                           Leads
 * @param leadHistoryColumns LeadHistory fields to select
 * @param leadHistoryFields  the values of LeadHistory's {@code Field} worth reading
 *                           ({@code WHERE Field IN (…)}); the rest mean nothing to leadsla
 * @param task               Task fields to select
 * @param event              Event fields to select
 */
public record WatchedFields(List<String> lead, List<String> leadHistoryColumns, List<String> leadHistoryFields,
                            List<String> task, List<String> event) {

    public static final String ID = "Id";
    public static final String STATUS = "Status";
    public static final String OWNER_ID = "OwnerId";
    public static final String IS_CONVERTED = "IsConverted";
    public static final String LAST_MODIFIED_DATE = "LastModifiedDate";
    public static final String LAST_MODIFIED_BY_ID = "LastModifiedById";
    public static final String SYSTEM_MODSTAMP = "SystemModstamp";
    /** LeadHistory's {@code Field} for an owner change (not {@code OwnerId}). */
    public static final String HISTORY_OWNER = "Owner";
    /** LeadHistory's {@code Field} of an owner change made by an assignment rule. */
    public static final String HISTORY_OWNER_ASSIGNMENT = "ownerAssignment";
    /** LeadHistory's {@code Field} of a conversion. */
    public static final String HISTORY_LEAD_CONVERTED = "leadConverted";

    public WatchedFields {
        lead = List.copyOf(lead);
        leadHistoryColumns = List.copyOf(leadHistoryColumns);
        leadHistoryFields = List.copyOf(leadHistoryFields);
        task = List.copyOf(task);
        event = List.copyOf(event);
    }

    public static WatchedFields of(SalesforceMapping mapping) {
        Set<String> lead = new LinkedHashSet<>(List.of(ID, STATUS, OWNER_ID, IS_CONVERTED, LAST_MODIFIED_DATE,
                LAST_MODIFIED_BY_ID, SYSTEM_MODSTAMP, mapping.rejectionReasonField()));
        lead.addAll(mapping.attributes().values());
        Set<String> history = new LinkedHashSet<>(List.of(STATUS, HISTORY_OWNER, HISTORY_OWNER_ASSIGNMENT,
                HISTORY_LEAD_CONVERTED, mapping.rejectionReasonField()));
        history.addAll(mapping.attributes().values());
        return new WatchedFields(new ArrayList<>(lead),
                List.of(ID, "LeadId", "Field", "OldValue", "NewValue", "CreatedDate", "CreatedById"),
                new ArrayList<>(history),
                List.of(ID, "WhoId", "OwnerId", "CreatedDate", "CreatedById", "TaskSubtype", "CallDisposition",
                        mapping.taskKeyField()),
                List.of(ID, "WhoId", "OwnerId", "StartDateTime", "CreatedById"));
    }
}

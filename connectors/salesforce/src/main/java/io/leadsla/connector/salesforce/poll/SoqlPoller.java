package io.leadsla.connector.salesforce.poll;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.sobject.SObject;
import io.leadsla.connector.Sha256;
import io.leadsla.connector.poll.PollWindow;
import io.leadsla.connector.api.Poller;
import io.leadsla.connector.salesforce.api.SalesforceApiException;
import io.leadsla.connector.salesforce.api.SalesforceSession;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Incremental SOQL on one object: records whose {@code stampField} (SystemModstamp, or CreatedDate
 * for history rows, which never change) is at or after the stored position, oldest first, paged
 * with queryMore, at most {@code perPoll} records per poll. A complete read moves the position to
 * the last stamp less an overlap (changes commit, and become visible, late); a partial read to the
 * last stamp, so the window moves on. Each inbox page holds up to 200 records as flat field → text
 * maps. Near the org's daily limit, polling slows down and then pauses (write-backs come first).
 */
public final class SoqlPoller implements Poller {

    private static final Logger LOG = LoggerFactory.getLogger(SoqlPoller.class);
    private static final int PAGE = 200;

    private final SalesforceSession session;
    private final ObjectMapper json;
    private final String orgId;
    private final String objectType;
    private final List<String> fields;
    private final String stampField;
    private final String condition;
    private final String source;
    private final int perPoll;
    private final Duration overlap;
    private final Instant start;
    private boolean skipNext;
    private boolean unavailableLogged;
    private boolean historyUnavailable;

    /**
     * @param condition an extra SOQL condition (e.g. {@code WhoId != null}), or null
     * @param source    the inbox source of the pages (which normalizer reads them)
     */
    public SoqlPoller(SalesforceSession session, ObjectMapper json, String orgId, String objectType, List<String> fields,
                      String stampField, String condition, String source, int perPoll, Duration overlap, Instant start) {
        this.session = session;
        this.json = json;
        this.orgId = orgId;
        this.objectType = objectType;
        this.fields = List.copyOf(fields);
        this.stampField = stampField;
        this.condition = condition;
        this.source = source;
        this.perPoll = perPoll;
        this.overlap = overlap;
        this.start = start;
        if (!this.fields.contains("Id") || !this.fields.contains(stampField)) {
            throw new IllegalArgumentException("the fields must include Id and " + stampField);
        }
    }

    @Override
    public String cursor() {
        return "salesforce:" + orgId + ":" + objectType;
    }

    @Override
    public String apiAccount() {
        return "salesforce:" + orgId;
    }

    /** The SOQL of a poll from {@code from}. */
    String soql(Instant from) {
        return "SELECT " + String.join(", ", fields) + " FROM " + objectType + " WHERE " + stampField + " >= " + from
                + (condition == null ? "" : " AND " + condition) + " ORDER BY " + stampField + ", Id";
    }

    @Override
    public Poll poll(Optional<String> position) {
        String here = position.orElse(start.toString());
        if (session.budget().pauseNonEssential() || (session.budget().slowDown() && (skipNext = !skipNext))) {
            return new Poll(List.of(), here, true); // the budget is for write-backs now
        }
        Instant from = Instant.parse(here);
        List<SObject> records = new ArrayList<>();
        boolean complete;
        try {
            QueryResult result = session.call("query " + objectType, c -> c.query(soql(from)));
            records.addAll(List.of(result.getRecords()));
            while (!result.isDone() && records.size() < perPoll) {
                String locator = result.getQueryLocator();
                result = session.call("queryMore " + objectType, c -> c.queryMore(locator));
                records.addAll(List.of(result.getRecords()));
            }
            complete = result.isDone();
        } catch (SalesforceApiException e) {
            if ("INVALID_TYPE".equals(e.code()) || "INVALID_FIELD".equals(e.code())) {
                // e.g. LeadHistory without field history tracking, or a field the org lacks
                if (!unavailableLogged) {
                    LOG.warn("polling {} is off: {}", objectType, e.getMessage());
                    unavailableLogged = true;
                }
                return new Poll(List.of(), here, true);
            }
            throw e;
        }
        java.util.Map<String, String> initialStatus = objectType.equals("Lead") ? initialStatuses(records) : java.util.Map.of();
        Instant last = from;
        List<Page> pages = new ArrayList<>();
        for (int i = 0; i < records.size(); i += PAGE) {
            ObjectNode body = json.createObjectNode().put("orgId", orgId).put("objectType", objectType);
            ArrayNode rows = body.putArray("records");
            for (SObject record : records.subList(i, Math.min(records.size(), i + PAGE))) {
                ObjectNode row = rows.addObject();
                for (String field : fields) {
                    Object value = record.getField(field);
                    if (value == null) {
                        row.putNull(field);
                    } else {
                        row.put(field, value.toString());
                    }
                }
                String initial = initialStatus.get(String.valueOf(record.getField("Id")));
                if (initial != null) {
                    row.put(io.leadsla.connector.salesforce.normalize.SnapshotEvents.INITIAL_STATUS, initial);
                }
                Instant stamp = stamp(record.getField(stampField));
                if (stamp != null && stamp.isAfter(last)) {
                    last = stamp;
                }
            }
            String text = body.toString();
            pages.add(new Page(source, Sha256.hex(text), text));
        }
        return new Poll(pages, PollWindow.next(from, last, complete, overlap).toString(), complete);
    }

    /**
     * The Status each lead was created with: the OldValue of its first Status history row, or its
     * Status now if it never changed. A lead created as an MQL and dispositioned between two polls
     * shows its MQL nowhere else. One extra query per poll; without field history, none.
     */
    private java.util.Map<String, String> initialStatuses(List<SObject> leads) {
        java.util.Map<String, String> initial = new java.util.HashMap<>();
        for (SObject lead : leads) {
            Object status = lead.getField("Status");
            if (status != null) {
                initial.put(String.valueOf(lead.getField("Id")), status.toString());
            }
        }
        if (initial.isEmpty() || historyUnavailable) {
            return initial;
        }
        String ids = initial.keySet().stream().map(id -> "'" + id + "'").collect(java.util.stream.Collectors.joining(", "));
        try {
            QueryResult first = session.call("query LeadHistory (initial status)", c -> c.query(
                    "SELECT LeadId, OldValue, CreatedDate FROM LeadHistory WHERE Field = 'Status' AND LeadId IN (" + ids
                            + ") ORDER BY LeadId, CreatedDate"));
            java.util.Set<String> seen = new java.util.HashSet<>();
            while (true) {
                for (SObject row : first.getRecords()) {
                    String leadId = String.valueOf(row.getField("LeadId"));
                    if (seen.add(leadId) && row.getField("OldValue") != null) {
                        initial.put(leadId, row.getField("OldValue").toString());
                    }
                }
                if (first.isDone()) {
                    break;
                }
                String locator = first.getQueryLocator();
                first = session.call("queryMore LeadHistory", c -> c.queryMore(locator));
            }
        } catch (SalesforceApiException e) {
            if (!"INVALID_TYPE".equals(e.code()) && !"INVALID_FIELD".equals(e.code())) {
                throw e;
            }
            historyUnavailable = true;
        }
        return initial;
    }

    private static Instant stamp(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value.toString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }


    /**
     * The pollers of a lead's life — Lead, LeadHistory (only the fields the mapping reads), and
     * Task and Event with a WhoId — selecting the fields the mapping reads.
     */
    public static List<Poller> forLeads(SalesforceSession session, ObjectMapper json, String orgId,
                                        io.leadsla.connector.salesforce.normalize.WatchedFields watched, int perPoll,
                                        Duration overlap, Instant start) {
        String historyFields = "Field IN (" + watched.leadHistoryFields().stream()
                .map(f -> "'" + f.replace("'", "\\'") + "'").collect(java.util.stream.Collectors.joining(", ")) + ")";
        return List.of(
                new SoqlPoller(session, json, orgId, "Lead", withField(watched.lead(), "CreatedDate"), "SystemModstamp", null,
                        "salesforce-poll-leads", perPoll, overlap, start),
                new SoqlPoller(session, json, orgId, "LeadHistory", withField(watched.leadHistoryColumns(), "CreatedDate"),
                        "CreatedDate", historyFields, "salesforce-poll-history", perPoll, overlap, start),
                new SoqlPoller(session, json, orgId, "Task", withField(watched.task(), "SystemModstamp"), "SystemModstamp",
                        "WhoId != null", "salesforce-poll-activities", perPoll, overlap, start),
                new SoqlPoller(session, json, orgId, "Event", withField(watched.event(), "SystemModstamp"), "SystemModstamp",
                        "WhoId != null", "salesforce-poll-activities", perPoll, overlap, start));
    }

    private static List<String> withField(List<String> fields, String field) {
        List<String> all = new ArrayList<>(fields);
        if (!all.contains(field)) {
            all.add(field);
        }
        return all;
    }
}

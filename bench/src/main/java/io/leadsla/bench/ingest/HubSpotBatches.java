package io.leadsla.bench.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.stream.LongStream;

/**
 * HubSpot webhook deliveries as HubSpot sends them (a JSON array of {@code contact.propertyChange}
 * events, see /work/shared/notes/hubspot.md), every one distinct, each event one the default
 * mapping reads as a lead event: per contact, four events of one lifecycle — the lifecycle stage
 * set to {@code marketingqualifiedlead} (MQL) with its {@code hubspotscore}, the owner set
 * (HANDED_OFF) and then either {@code salesqualifiedlead} (ACCEPTED: the cycle closes) or a
 * {@code country} change (ATTRIBUTES_CHANGED: the rep's clocks stay open), alternately.
 *
 * <p>A batch of 100 events is 25 contacts taken in turn from the pool; when the pool has gone
 * round, a contact starts its next cycle (a new MQL). HubSpot event ids run from {@code
 * firstEventId} up, one per event; {@code occurredAt} is a little before now and grows by at
 * least 3 ms per batch, so that every (contact, property, instant) — leadsla's event id — is new
 * and no two bodies are equal (the inbox keeps one copy of an identical body).
 */
public final class HubSpotBatches {

    /** Events per contact per batch. */
    public static final int EVENTS_PER_CONTACT = 4;
    /** HubSpot sends at most 100 events per request. */
    public static final int MAX_EVENTS = 100;
    private static final String[] COUNTRIES = {"FR", "DE", "US", "GB", "ES", "IT", "NL", "CA"};

    /** One delivery: its body and the HubSpot event ids it carries ({@code firstEventId} … + events − 1). */
    public record Batch(long firstEventId, int events, byte[] body) {

        public LongStream eventIds() {
            return LongStream.range(firstEventId, firstEventId + events);
        }
    }

    private final long portalId;
    private final long appId;
    private final List<String> contactIds;
    private final List<String> ownerIds;
    private final int contactsPerBatch;
    private final Clock clock;
    private long nextEventId;
    private long nextSlot;
    private long lastMillis;

    /**
     * @param contactIds   the contacts the events are about (ids in the portal)
     * @param ownerIds     owners the contacts are handed to, in turn
     * @param eventsPerBatch a multiple of 4, at most 100
     * @param firstEventId the first HubSpot event id: give each run its own range
     */
    public HubSpotBatches(long portalId, long appId, List<String> contactIds, List<String> ownerIds, int eventsPerBatch,
                          long firstEventId, Clock clock) {
        if (eventsPerBatch <= 0 || eventsPerBatch > MAX_EVENTS || eventsPerBatch % EVENTS_PER_CONTACT != 0) {
            throw new IllegalArgumentException("events per batch: a multiple of 4 up to 100, not " + eventsPerBatch);
        }
        if (contactIds.size() < eventsPerBatch / EVENTS_PER_CONTACT) {
            throw new IllegalArgumentException("at least " + eventsPerBatch / EVENTS_PER_CONTACT + " contacts are needed");
        }
        if (ownerIds.isEmpty()) {
            throw new IllegalArgumentException("at least one owner is needed");
        }
        this.portalId = portalId;
        this.appId = appId;
        this.contactIds = List.copyOf(contactIds);
        this.ownerIds = List.copyOf(ownerIds);
        this.contactsPerBatch = eventsPerBatch / EVENTS_PER_CONTACT;
        this.nextEventId = firstEventId;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public int eventsPerBatch() {
        return contactsPerBatch * EVENTS_PER_CONTACT;
    }

    /** The next delivery (thread-safe). */
    public Batch next() {
        long firstEventId;
        long firstSlot;
        long millis;
        synchronized (this) {
            firstEventId = nextEventId;
            nextEventId += (long) contactsPerBatch * EVENTS_PER_CONTACT;
            firstSlot = nextSlot;
            nextSlot += contactsPerBatch;
            // just before now (events after "now" wait for a later fold), never twice the same instant
            millis = Math.max(clock.millis() - 5, lastMillis + 3);
            lastMillis = millis;
        }
        StringBuilder json = new StringBuilder(contactsPerBatch * EVENTS_PER_CONTACT * 330);
        json.append('[');
        long eventId = firstEventId;
        for (int i = 0; i < contactsPerBatch; i++) {
            long slot = firstSlot + i;
            int contact = (int) (slot % contactIds.size());
            long cycle = slot / contactIds.size();
            String contactId = contactIds.get(contact);
            String owner = ownerIds.get((int) (slot % ownerIds.size()));
            event(json, eventId++, 1, millis, contactId, "lifecyclestage", "marketingqualifiedlead");
            event(json, eventId++, 2, millis, contactId, "hubspotscore", Integer.toString(40 + (int) (slot % 60)));
            event(json, eventId++, 3, millis + 1, contactId, "hubspot_owner_id", owner);
            if ((contact + cycle) % 2 == 0) {
                event(json, eventId++, 1, millis + 2, contactId, "lifecyclestage", "salesqualifiedlead");
            } else {
                event(json, eventId++, 4, millis + 2, contactId, "country", COUNTRIES[(int) (slot % COUNTRIES.length)]);
            }
        }
        json.setCharAt(json.length() - 1, ']');
        return new Batch(firstEventId, contactsPerBatch * EVENTS_PER_CONTACT, json.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void event(StringBuilder json, long eventId, int subscriptionId, long occurredAt, String contactId,
                       String property, String value) {
        json.append("{\"eventId\":").append(eventId)
                .append(",\"subscriptionId\":").append(subscriptionId)
                .append(",\"portalId\":").append(portalId)
                .append(",\"appId\":").append(appId)
                .append(",\"occurredAt\":").append(occurredAt)
                .append(",\"subscriptionType\":\"contact.propertyChange\",\"attemptNumber\":0")
                .append(",\"objectId\":").append(contactId)
                .append(",\"propertyName\":\"").append(property)
                .append("\",\"propertyValue\":\"").append(value)
                .append("\",\"changeSource\":\"CRM_UI\",\"sourceId\":\"userId:1000001\"},");
    }
}

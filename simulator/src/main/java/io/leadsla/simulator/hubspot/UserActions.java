package io.leadsla.simulator.hubspot;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the portal's people do, for the demo and tests to play: create and edit contacts, assign owners,
 * log calls, emails and meetings, complete tasks, delete and merge contacts. Each action goes through the
 * same store as the API, so it writes history and derived dates and raises webhook events; the change
 * source says who acted (e.g. {@link ChangeSource#crmUi(long)} for a user in HubSpot's UI).
 * Invalid values throw {@link IllegalArgumentException}.
 */
public final class UserActions {
    /** Call outcome GUIDs HubSpot defines for {@code hs_call_disposition}. */
    public static final String CALL_CONNECTED = "f240bbac-87c9-4f6e-bf70-924b57d47db7";
    public static final String CALL_BUSY = "9d9162e7-6cf3-4944-bf63-4dff82258764";
    public static final String CALL_NO_ANSWER = "73a0d17f-1163-4015-bdd5-ec830791da20";
    public static final String CALL_LEFT_VOICEMAIL = "b2cf5968-551e-4856-9783-52b3da59a7d0";
    public static final String CALL_LEFT_LIVE_MESSAGE = "a4c4c377-d246-4b32-a13b-75a56a4cd0ff";
    public static final String CALL_WRONG_NUMBER = "17b47fee-58de-441e-a44c-c6300d46f273";

    private final CrmStore store;
    private long nextUserId = 9_000_001;

    UserActions(CrmStore store) {
        this.store = store;
    }

    /** Adds a HubSpot user who can own records; returns the owner (its id goes in hubspot_owner_id). */
    public synchronized Owner addOwner(String email, String firstName, String lastName) {
        return store.addOwner(email, firstName, lastName, nextUserId++, List.of());
    }

    public synchronized Owner addOwner(String email, String firstName, String lastName, List<Owner.Team> teams) {
        return store.addOwner(email, firstName, lastName, nextUserId++, teams);
    }

    public ObjectSnapshot createContact(Map<String, String> properties, ChangeSource source) {
        return guard(() -> store.create(ObjectType.CONTACTS, properties, List.of(), source, false));
    }

    public ObjectSnapshot setProperty(String contactId, String property, String value, ChangeSource source) {
        Map<String, String> one = new LinkedHashMap<>();
        one.put(property, value);
        return setProperties(contactId, one, source);
    }

    public ObjectSnapshot setProperties(String contactId, Map<String, String> properties, ChangeSource source) {
        return guard(() -> store.update(ObjectType.CONTACTS, contactId, properties, source, false));
    }

    /** Assigns the contact to an owner (by owner id), as a user picking "Contact owner" does. */
    public ObjectSnapshot assignOwner(String contactId, String ownerId, ChangeSource source) {
        return setProperty(contactId, "hubspot_owner_id", ownerId, source);
    }

    /**
     * Logs a call on a contact. {@code disposition} is an outcome GUID such as {@link #CALL_CONNECTED}
     * (may be null); {@code direction} INBOUND or OUTBOUND.
     */
    public ObjectSnapshot logCall(String contactId, String ownerId, Instant timestamp, String direction,
                                  String disposition, ChangeSource source) {
        Map<String, String> p = activity(ownerId, timestamp);
        p.put("hs_call_title", "Call");
        p.put("hs_call_direction", direction);
        p.put("hs_call_status", "COMPLETED");
        if (disposition != null) {
            p.put("hs_call_disposition", disposition);
        }
        return logActivity(ObjectType.CALLS, contactId, p, source);
    }

    /** Logs an email; {@code direction} EMAIL (sent), INCOMING_EMAIL or FORWARDED_EMAIL. */
    public ObjectSnapshot logEmail(String contactId, String ownerId, Instant timestamp, String direction,
                                   String subject, ChangeSource source) {
        Map<String, String> p = activity(ownerId, timestamp);
        p.put("hs_email_direction", direction);
        p.put("hs_email_status", "SENT");
        if (subject != null) {
            p.put("hs_email_subject", subject);
        }
        return logActivity(ObjectType.EMAILS, contactId, p, source);
    }

    /** Logs a meeting; {@code outcome} SCHEDULED, COMPLETED, RESCHEDULED, NO_SHOW or CANCELED. */
    public ObjectSnapshot logMeeting(String contactId, String ownerId, Instant start, String outcome,
                                     ChangeSource source) {
        Map<String, String> p = activity(ownerId, start);
        p.put("hs_meeting_title", "Meeting");
        p.put("hs_meeting_start_time", Long.toString(start.toEpochMilli()));
        p.put("hs_meeting_end_time", Long.toString(start.plusSeconds(1800).toEpochMilli()));
        p.put("hs_meeting_outcome", outcome);
        return logActivity(ObjectType.MEETINGS, contactId, p, source);
    }

    /** Marks a task completed, as a rep ticking it off. */
    public ObjectSnapshot completeTask(String taskId, ChangeSource source) {
        return guard(() -> store.update(ObjectType.TASKS, taskId, Map.of("hs_task_status", "COMPLETED"), source,
                false));
    }

    public boolean deleteContact(String contactId, ChangeSource source) {
        return guard(() -> store.archive(ObjectType.CONTACTS, contactId, source));
    }

    /** Merges {@code mergedId} into {@code primaryId}; returns the surviving contact. */
    public ObjectSnapshot mergeContacts(String primaryId, String mergedId, ChangeSource source) {
        return guard(() -> store.merge(ObjectType.CONTACTS, primaryId, mergedId, source));
    }

    private ObjectSnapshot logActivity(ObjectType type, String contactId, Map<String, String> props,
                                       ChangeSource source) {
        return guard(() -> store.create(type, props, List.of(new CrmStore.AssociationRequest(contactId,
                type.toContactTypeId())), source, false));
    }

    private static Map<String, String> activity(String ownerId, Instant timestamp) {
        Objects.requireNonNull(timestamp, "timestamp");
        Map<String, String> p = new LinkedHashMap<>();
        p.put("hs_timestamp", Long.toString(timestamp.toEpochMilli()));
        if (ownerId != null) {
            p.put("hubspot_owner_id", ownerId);
        }
        return p;
    }

    private interface Action<T> {
        T run();
    }

    private static <T> T guard(Action<T> action) {
        try {
            return action.run();
        } catch (ApiException e) {
            String detail = e.errors().isEmpty() ? e.getMessage()
                    : e.errors().stream().map(pe -> pe.code() + " " + pe.name() + ": " + pe.message()).toList().toString();
            throw new IllegalArgumentException(e.category() + ": " + detail, e);
        }
    }
}

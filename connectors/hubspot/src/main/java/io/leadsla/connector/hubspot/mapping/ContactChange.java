package io.leadsla.connector.hubspot.mapping;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One thing that happened to HubSpot contacts, however leadsla learnt it: a webhook event, or an
 * entry of a contact's property history read by the poller. {@link ContactChangeInterpreter}
 * turns it into lead events; the same change gives the same events (same ids) from either source.
 */
public sealed interface ContactChange {

    /** When it happened in HubSpot. */
    Instant occurredAt();

    /**
     * A contact property took a new value.
     *
     * @param contactId  the contact's record id
     * @param property   the property's internal name
     * @param value      the new value; null or blank when the property was cleared
     * @param occurredAt when the value was set
     * @param origin     who or what set it
     */
    record PropertyChange(String contactId, String property, String value, Instant occurredAt, ChangeOrigin origin)
            implements ContactChange {

        public PropertyChange {
            requireId(contactId, "contactId");
            requireId(property, "property");
            Objects.requireNonNull(occurredAt, "occurredAt");
            origin = origin == null ? ChangeOrigin.UNKNOWN : origin;
        }

        public boolean cleared() {
            return value == null || value.isBlank();
        }
    }

    /** A contact was deleted (or deleted for privacy). */
    record Deletion(String contactId, Instant occurredAt) implements ContactChange {

        public Deletion {
            requireId(contactId, "contactId");
            Objects.requireNonNull(occurredAt, "occurredAt");
        }
    }

    /**
     * Contacts were merged. HubSpot keeps {@code primaryId} (or, in some cases, creates a new
     * record {@code newId}); the others are gone.
     *
     * @param primaryId the contact given priority in the merge
     * @param mergedIds the contacts merged into it
     * @param newId     the record that results from the merge; null when not given (= primaryId)
     */
    record Merge(String primaryId, List<String> mergedIds, String newId, Instant occurredAt) implements ContactChange {

        public Merge {
            requireId(primaryId, "primaryId");
            mergedIds = List.copyOf(mergedIds);
            mergedIds.forEach(id -> requireId(id, "mergedIds"));
            newId = newId == null || newId.isBlank() ? null : newId;
            Objects.requireNonNull(occurredAt, "occurredAt");
        }

        /** The record that survives the merge. */
        public String survivorId() {
            return newId != null ? newId : primaryId;
        }

        /** Every contact of the merge that no longer exists, in the order HubSpot gave them. */
        public List<String> removedIds() {
            Set<String> removed = new LinkedHashSet<>();
            removed.add(primaryId);
            removed.addAll(mergedIds);
            removed.remove(survivorId());
            return List.copyOf(removed);
        }
    }

    private static void requireId(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}

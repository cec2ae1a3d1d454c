package io.leadsla.connector.hubspot.webhook;

import io.leadsla.connector.hubspot.mapping.ChangeOrigin;
import io.leadsla.connector.hubspot.mapping.ContactChange;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One contact event of a HubSpot webhook delivery, as HubSpot sent it (ids as text, as they can
 * exceed an int). Fields an event type does not carry are null.
 *
 * @param position         the event's index in the delivery's array
 * @param eventId          HubSpot's event id (not guaranteed unique; used in messages only)
 * @param subscriptionType e.g. {@code contact.propertyChange}, or {@code object.propertyChange}
 *                         with {@code objectTypeId} 0-1 on HubSpot's newer app platform
 * @param action           what the subscription type says happened
 * @param objectId         the contact's id (for a merge, HubSpot's id of the merge result)
 * @param propertyValue    the new value of a property change; null or blank when cleared
 * @param mergedObjectIds  merge only: the contacts merged into {@code primaryObjectId}
 * @param newObjectId      merge only: the record resulting from the merge, when HubSpot gives it
 */
public record WebhookEvent(
        int position,
        String eventId,
        String subscriptionId,
        long portalId,
        String appId,
        Instant occurredAt,
        String subscriptionType,
        Action action,
        Integer attemptNumber,
        String objectId,
        String propertyName,
        String propertyValue,
        String changeSource,
        String sourceId,
        String primaryObjectId,
        List<String> mergedObjectIds,
        String newObjectId) {

    public WebhookEvent {
        mergedObjectIds = mergedObjectIds == null ? List.of() : List.copyOf(mergedObjectIds);
    }

    /** What happened, from the part of {@code subscriptionType} after the dot. */
    public enum Action {
        CREATION, DELETION, PRIVACY_DELETION, PROPERTY_CHANGE, MERGE, RESTORE, ASSOCIATION_CHANGE, OTHER;

        static Action of(String name) {
            return switch (name) {
                case "creation" -> CREATION;
                case "deletion" -> DELETION;
                case "privacyDeletion" -> PRIVACY_DELETION;
                case "propertyChange" -> PROPERTY_CHANGE;
                case "merge" -> MERGE;
                case "restore" -> RESTORE;
                case "associationChange" -> ASSOCIATION_CHANGE;
                default -> OTHER;
            };
        }
    }

    /**
     * The contact change this event reports, if it is one leadsla reads. A creation is not (the
     * lead's life starts with its stage and owner, which come as property changes); nor is a
     * restore (the event model has no "undeleted", see MAPPING.md) or an association change.
     */
    public Optional<ContactChange> contactChange() {
        return switch (action) {
            case PROPERTY_CHANGE -> Optional.of(new ContactChange.PropertyChange(objectId, propertyName, propertyValue,
                    occurredAt, new ChangeOrigin(changeSource, sourceId)));
            case DELETION, PRIVACY_DELETION -> Optional.of(new ContactChange.Deletion(objectId, occurredAt));
            case MERGE -> Optional.of(new ContactChange.Merge(primaryObjectId, mergedObjectIds, newObjectId, occurredAt));
            default -> Optional.empty();
        };
    }
}

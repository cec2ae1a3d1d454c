package io.leadsla.simulator.hubspot;

import java.time.Instant;
import java.util.List;

/** What changed in the portal; the webhook dispatcher turns these into subscribed events. */
sealed interface CrmChange {
    ObjectType type();

    Instant at();

    ChangeSource source();

    record Created(ObjectType type, long objectId, Instant at, ChangeSource source) implements CrmChange {
    }

    record PropertyChanged(ObjectType type, long objectId, String propertyName, String propertyValue, Instant at,
                           ChangeSource source) implements CrmChange {
    }

    record Deleted(ObjectType type, long objectId, Instant at, ChangeSource source) implements CrmChange {
    }

    record Merged(ObjectType type, long primaryObjectId, List<Long> mergedObjectIds, long newObjectId,
                  int numberOfPropertiesMoved, Instant at, ChangeSource source) implements CrmChange {
        public Merged {
            mergedObjectIds = List.copyOf(mergedObjectIds);
        }
    }
}

package io.leadsla.simulator.hubspot;

import java.util.Locale;
import java.util.Optional;

/**
 * The CRM object types the simulator serves. Activity types carry HubSpot's HUBSPOT_DEFINED association
 * type ids to and from contacts (confirmed against several independent public client code bases:
 * task→contact 204 / contact→task 203, call 194/193, email 198/197, meeting 200/199) and the v3
 * association labels shown in {@code associations} blocks of object reads.
 */
public enum ObjectType {
    CONTACTS("contacts", "0-1", "contact", "CONTACT", 0, 0, null),
    TASKS("tasks", "0-27", "task", "TASK", 204, 203, "task"),
    CALLS("calls", "0-48", "call", "CALL", 194, 193, "call"),
    EMAILS("emails", "0-49", "email", "EMAIL", 198, 197, "email"),
    MEETINGS("meetings", "0-47", "meeting", "MEETING", 200, 199, "meeting_event");

    private final String pathName;
    private final String objectTypeId;
    private final String singular;
    private final String upperName;
    private final int toContactTypeId;
    private final int contactToTypeId;
    private final String labelStem;

    ObjectType(String pathName, String objectTypeId, String singular, String upperName,
               int toContactTypeId, int contactToTypeId, String labelStem) {
        this.pathName = pathName;
        this.objectTypeId = objectTypeId;
        this.singular = singular;
        this.upperName = upperName;
        this.toContactTypeId = toContactTypeId;
        this.contactToTypeId = contactToTypeId;
        this.labelStem = labelStem;
    }

    /** Accepts the plural path name, the singular, or the object type id, as HubSpot does. */
    public static Optional<ObjectType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.toLowerCase(Locale.ROOT);
        for (ObjectType t : values()) {
            if (t.pathName.equals(s) || t.singular.equals(s) || t.objectTypeId.equals(s)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    public String pathName() {
        return pathName;
    }

    public String singular() {
        return singular;
    }

    /** Upper-case name HubSpot uses in some messages, e.g. "Could not get some CONTACT objects". */
    String upperName() {
        return upperName;
    }

    /** The object type id, e.g. 0-1 for contacts. */
    public String objectTypeId() {
        return objectTypeId;
    }

    public boolean isActivity() {
        return this != CONTACTS;
    }

    /** Association type id from this activity to a contact (e.g. 204 for task→contact). */
    public int toContactTypeId() {
        return toContactTypeId;
    }

    /** Association type id from a contact to this activity (e.g. 203 for contact→task). */
    public int contactToTypeId() {
        return contactToTypeId;
    }

    String toContactLabel() {
        return labelStem + "_to_contact";
    }

    String contactToLabel() {
        return "contact_to_" + labelStem;
    }

    /** Created/modified date property names: contacts use createdate/lastmodifieddate, others hs_*. */
    String createdDateProperty() {
        return this == CONTACTS ? "createdate" : "hs_createdate";
    }

    String modifiedDateProperty() {
        return this == CONTACTS ? "lastmodifieddate" : "hs_lastmodifieddate";
    }
}

package io.leadsla.simulator.salesforce;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The standard objects leadsla touches, with the standard fields it reads or writes and Salesforce's default
 * picklist values (an org's admin may change those; tests can replace them through {@link Schema}).
 */
final class StandardObjects {
    static final String LEAD = "Lead";
    static final String LEAD_HISTORY = "LeadHistory";
    static final String TASK = "Task";
    static final String EVENT = "Event";
    static final String USER = "User";
    static final String GROUP = "Group";

    static final String STATUS_OPEN = "Open - Not Contacted";
    static final String STATUS_WORKING = "Working - Contacted";
    static final String STATUS_CONVERTED = "Closed - Converted";
    static final String STATUS_NOT_CONVERTED = "Closed - Not Converted";

    private StandardObjects() {
    }

    static List<SObjectDef> all() {
        return List.of(lead(), leadHistory(), task(), event(), user(), group());
    }

    private static SObjectDef lead() {
        List<FieldDef> f = new ArrayList<>(system());
        f.add(new B("LastName", "Last Name", FieldType.STRING).length(80).required().nameField(false).build());
        f.add(new B("FirstName", "First Name", FieldType.STRING).length(40).build());
        f.add(new B("Name", "Full Name", FieldType.STRING).length(121).readOnly().nameField(true).build());
        f.add(new B("Title", "Title", FieldType.STRING).length(128).build());
        f.add(new B("Company", "Company", FieldType.STRING).length(255).required().build());
        f.add(new B("Email", "Email", FieldType.EMAIL).length(80).build());
        f.add(new B("Phone", "Phone", FieldType.PHONE).length(40).build());
        f.add(new B("Country", "Country", FieldType.STRING).length(80).build());
        f.add(new B("LeadSource", "Lead Source", FieldType.PICKLIST).length(255)
                .picklist("Web", "Phone Inquiry", "Partner Referral", "Purchased List", "Other", "Demo Request")
                .build());
        f.add(new B("Status", "Status", FieldType.PICKLIST).length(255).notNillable().defaulted()
                .picklist(List.of(PicklistValue.defaultOf(STATUS_OPEN), PicklistValue.of(STATUS_WORKING),
                        PicklistValue.of(STATUS_CONVERTED), PicklistValue.of(STATUS_NOT_CONVERTED)))
                .tracked().build());
        f.add(new B("Rating", "Rating", FieldType.PICKLIST).length(255).picklist("Hot", "Warm", "Cold").build());
        f.add(new B("OwnerId", "Owner ID", FieldType.REFERENCE).length(18).notNillable().defaulted()
                .references("Owner", GROUP, USER).tracked().build());
        f.add(new B("IsConverted", "Converted", FieldType.BOOLEAN).readOnly().notNillable().defaulted().build());
        f.add(new B("ConvertedDate", "Converted Date", FieldType.DATE).readOnly().build());
        return new SObjectDef(LEAD, "Lead", "Leads", "00Q", true, true, f);
    }

    private static SObjectDef leadHistory() {
        List<FieldDef> f = new ArrayList<>();
        f.add(new B("Id", "Lead History ID", FieldType.ID).length(18).readOnly().notNillable().defaulted().build());
        f.add(new B("IsDeleted", "Deleted", FieldType.BOOLEAN).readOnly().notNillable().defaulted().build());
        f.add(new B("LeadId", "Lead ID", FieldType.REFERENCE).length(18).readOnly().notNillable()
                .references("Lead", LEAD).build());
        f.add(new B("CreatedById", "Created By ID", FieldType.REFERENCE).length(18).readOnly().notNillable()
                .defaulted().references("CreatedBy", USER).build());
        f.add(new B("CreatedDate", "Created Date", FieldType.DATETIME).readOnly().notNillable().defaulted().build());
        f.add(new B("Field", "Changed Field", FieldType.PICKLIST).length(255).readOnly().notNillable().build());
        f.add(new B("OldValue", "Old Value", FieldType.ANYTYPE).length(255).readOnly().build());
        f.add(new B("NewValue", "New Value", FieldType.ANYTYPE).length(255).readOnly().build());
        return new SObjectDef(LEAD_HISTORY, "Lead History", "Lead History", "017", false, false, f);
    }

    private static SObjectDef task() {
        List<FieldDef> f = new ArrayList<>(system());
        f.add(new B("WhoId", "Name ID", FieldType.REFERENCE).length(18).references("Who", "Contact", LEAD).build());
        f.add(new B("WhatId", "Related To ID", FieldType.REFERENCE).length(18).references("What", "Account",
                "Opportunity").build());
        f.add(new B("OwnerId", "Assigned To ID", FieldType.REFERENCE).length(18).notNillable().defaulted()
                .references("Owner", GROUP, USER).build());
        f.add(new B("Subject", "Subject", FieldType.COMBOBOX).length(255)
                .picklist("Call", "Send Letter", "Send Quote", "Other").build());
        f.add(new B("Description", "Description", FieldType.TEXTAREA).length(32000).build());
        f.add(new B("ActivityDate", "Due Date Only", FieldType.DATE).build());
        f.add(new B("Status", "Status", FieldType.PICKLIST).length(255).notNillable().defaulted()
                .picklist(List.of(PicklistValue.defaultOf("Not Started"), PicklistValue.of("In Progress"),
                        PicklistValue.of("Completed"), PicklistValue.of("Waiting on someone else"),
                        PicklistValue.of("Deferred"))).build());
        f.add(new B("Priority", "Priority", FieldType.PICKLIST).length(255).notNillable().defaulted()
                .picklist(List.of(PicklistValue.of("High"), PicklistValue.defaultOf("Normal"),
                        PicklistValue.of("Low"))).build());
        f.add(new B("IsClosed", "Closed", FieldType.BOOLEAN).readOnly().notNillable().defaulted().build());
        f.add(new B("Type", "Type", FieldType.PICKLIST).length(255).picklist("Call", "Email", "Meeting", "Other")
                .build());
        f.add(new B("TaskSubtype", "Task Subtype", FieldType.PICKLIST).length(255).updateable(false)
                .picklist("Task", "Email", "ListEmail", "Cadence", "Call", "LinkedIn").build());
        f.add(new B("CompletedDateTime", "Completed Date/Time", FieldType.DATETIME).readOnly().build());
        f.add(new B("CallDisposition", "Call Result", FieldType.STRING).length(255).build());
        return new SObjectDef(TASK, "Task", "Tasks", "00T", true, true, f);
    }

    private static SObjectDef event() {
        List<FieldDef> f = new ArrayList<>(system());
        f.add(new B("WhoId", "Name ID", FieldType.REFERENCE).length(18).references("Who", "Contact", LEAD).build());
        f.add(new B("WhatId", "Related To ID", FieldType.REFERENCE).length(18).references("What", "Account",
                "Opportunity").build());
        f.add(new B("OwnerId", "Assigned To ID", FieldType.REFERENCE).length(18).notNillable().defaulted()
                .references("Owner", GROUP, USER).build());
        f.add(new B("Subject", "Subject", FieldType.COMBOBOX).length(255)
                .picklist("Call", "Email", "Meeting", "Send Letter/Quote", "Other").build());
        f.add(new B("Description", "Description", FieldType.TEXTAREA).length(32000).build());
        f.add(new B("Type", "Type", FieldType.PICKLIST).length(255).picklist("Call", "Email", "Meeting", "Other")
                .build());
        f.add(new B("StartDateTime", "Start Date Time", FieldType.DATETIME).build());
        f.add(new B("EndDateTime", "End Date Time", FieldType.DATETIME).build());
        f.add(new B("DurationInMinutes", "Duration", FieldType.INT).build());
        return new SObjectDef(EVENT, "Event", "Events", "00U", true, true, f);
    }

    private static SObjectDef user() {
        List<FieldDef> f = new ArrayList<>(system());
        f.add(new B("Username", "Username", FieldType.STRING).length(80).readOnly().notNillable().build());
        f.add(new B("FirstName", "First Name", FieldType.STRING).length(40).readOnly().build());
        f.add(new B("LastName", "Last Name", FieldType.STRING).length(80).readOnly().notNillable().build());
        f.add(new B("Name", "Full Name", FieldType.STRING).length(121).readOnly().nameField(true).build());
        f.add(new B("Email", "Email", FieldType.EMAIL).length(128).readOnly().notNillable().build());
        f.add(new B("IsActive", "Active", FieldType.BOOLEAN).readOnly().notNillable().defaulted().build());
        f.add(new B("TimeZoneSidKey", "Time Zone", FieldType.PICKLIST).length(40).readOnly().build());
        return new SObjectDef(USER, "User", "Users", "005", false, false, f);
    }

    private static SObjectDef group() {
        List<FieldDef> f = new ArrayList<>(system());
        f.add(new B("Name", "Name", FieldType.STRING).length(40).readOnly().nameField(true).build());
        f.add(new B("DeveloperName", "Developer Name", FieldType.STRING).length(80).readOnly().build());
        f.add(new B("Type", "Type", FieldType.PICKLIST).length(40).readOnly().notNillable()
                .picklist("Regular", "Queue", "Role", "Organization").build());
        f.add(new B("Email", "Email", FieldType.EMAIL).length(255).readOnly().build());
        return new SObjectDef(GROUP, "Group", "Groups", "00G", false, false, f);
    }

    /** Fields every updatable object has, maintained by the platform. */
    private static List<FieldDef> system() {
        return List.of(
                new B("Id", "Record ID", FieldType.ID).length(18).readOnly().notNillable().defaulted().build(),
                new B("IsDeleted", "Deleted", FieldType.BOOLEAN).readOnly().notNillable().defaulted().build(),
                new B("CreatedDate", "Created Date", FieldType.DATETIME).readOnly().notNillable().defaulted().build(),
                new B("CreatedById", "Created By ID", FieldType.REFERENCE).length(18).readOnly().notNillable()
                        .defaulted().references("CreatedBy", USER).build(),
                new B("LastModifiedDate", "Last Modified Date", FieldType.DATETIME).readOnly().notNillable()
                        .defaulted().build(),
                new B("LastModifiedById", "Last Modified By ID", FieldType.REFERENCE).length(18).readOnly()
                        .notNillable().defaulted().references("LastModifiedBy", USER).build(),
                new B("SystemModstamp", "System Modstamp", FieldType.DATETIME).readOnly().notNillable().defaulted()
                        .build());
    }

    /** A small builder so the declarations above read like a field list. */
    private static final class B {
        private final String name;
        private final String label;
        private final FieldType type;
        private int length;
        private boolean createable = true;
        private boolean updateable = true;
        private boolean nillable = true;
        private boolean required;
        private boolean defaulted;
        private boolean tracked;
        private boolean nameField;
        private List<PicklistValue> values = List.of();
        private List<String> referenceTo = List.of();
        private String relationshipName;

        B(String name, String label, FieldType type) {
            this.name = name;
            this.label = label;
            this.type = type;
        }

        B length(int l) {
            length = l;
            return this;
        }

        B readOnly() {
            createable = false;
            updateable = false;
            return this;
        }

        B updateable(boolean u) {
            updateable = u;
            return this;
        }

        B notNillable() {
            nillable = false;
            return this;
        }

        B required() {
            required = true;
            nillable = false;
            return this;
        }

        B defaulted() {
            defaulted = true;
            return this;
        }

        B tracked() {
            tracked = true;
            return this;
        }

        B nameField(boolean n) {
            nameField = n;
            return this;
        }

        B picklist(String... v) {
            values = Arrays.stream(v).map(PicklistValue::of).toList();
            return this;
        }

        B picklist(List<PicklistValue> v) {
            values = v;
            return this;
        }

        B references(String relationship, String... objects) {
            relationshipName = relationship;
            referenceTo = List.of(objects);
            return this;
        }

        FieldDef build() {
            return new FieldDef(name, label, type, length, 0, 0, false, createable, updateable, nillable, false,
                    false, false, values, referenceTo, relationshipName, tracked, required, defaulted, nameField);
        }
    }
}

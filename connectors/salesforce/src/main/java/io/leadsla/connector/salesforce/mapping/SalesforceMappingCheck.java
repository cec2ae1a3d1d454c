package io.leadsla.connector.salesforce.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a {@link SalesforceMapping}. Every problem starts with the YAML path of the value and
 * says what to do, because the reader is RevOps at a terminal, not a developer at a debugger.
 */
final class SalesforceMappingCheck {

    /** The standard Lead fields the connector always reads. */
    static final String STATUS = "Status";
    static final String OWNER_ID = "OwnerId";
    static final String IS_CONVERTED = "IsConverted";

    // API names: letters, digits and underscores, starting with a letter (custom ones end in __c).
    // A label ("Lead Source") is the usual mistake.
    private static final Pattern API_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*[A-Za-z0-9]");
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final int VALUES_SHOWN = 15;
    private static final String API_NAME_HINT = " (Setup → Object Manager → Lead → Fields & Relationships shows each"
            + " field's API name, e.g. LeadSource, not the label 'Lead Source'; custom fields end in __c)";

    private final SalesforceMapping m;
    private final String path;

    SalesforceMappingCheck(SalesforceMapping mapping, String path) {
        this.m = mapping;
        this.path = path;
    }

    List<String> withoutOrg() {
        List<String> problems = new ArrayList<>();
        if (m.mqlStatuses().isEmpty()) {
            problems.add(at("mqlStatuses") + "is empty, so no lead would ever become an MQL: list the lead statuses "
                    + "that mean marketing qualified the lead (Salesforce's standard one is 'Open - Not Contacted')");
        }
        oneMeaningEach(problems, List.of(Map.entry("mqlStatuses", m.mqlStatuses()),
                Map.entry("handoffStatuses", m.handoffStatuses()), Map.entry("acceptedStatuses", m.acceptedStatuses()),
                Map.entry("rejectedStatuses", m.rejectedStatuses()), Map.entry("recycledStatuses", m.recycledStatuses())));
        if (m.handoffStatuses().isEmpty() && !m.handoffOnUserOwner()) {
            problems.add(at("handoffOnUserOwner") + "is false and handoffStatuses is empty, so no lead would ever be "
                    + "handed to sales: set handoffOnUserOwner: true (the handoff is a person becoming the owner), or "
                    + "list the statuses that mean the handoff under handoffStatuses");
        }
        if (m.acceptedStatuses().isEmpty() && !m.convertedIsAccepted()) {
            problems.add(at("convertedIsAccepted") + "is false and acceptedStatuses is empty, so no lead would ever "
                    + "be accepted: set convertedIsAccepted: true, or list the statuses that mean sales accepted the lead");
        }
        if (fieldName(problems, "rejectionReasonField", m.rejectionReasonField(),
                SalesforceMapping.DEFAULT_REJECTION_REASON_FIELD)
                && m.attributes().containsValue(m.rejectionReasonField())) {
            problems.add(at("rejectionReasonField") + "'" + m.rejectionReasonField() + "' is also mapped under "
                    + "attributes: the rejection reason already becomes the attribute 'reason', remove it from attributes");
        }
        attributes(problems);
        ownerRegions(problems);
        ownFieldPrefix(problems);
        if (m.integrationUserId() != null) {
            Optional<SalesforceId> user = SalesforceId.parse(m.integrationUserId());
            if (user.isEmpty() || !user.get().isUser()) {
                problems.add(at("integrationUserId") + "'" + m.integrationUserId() + "' is not a Salesforce user id: "
                        + "give the id of the user leadsla connects as (15 or 18 characters starting with 005, shown in "
                        + "the URL of the user's page in Setup → Users)");
            }
        }
        return problems;
    }

    List<String> against(OrgSchema org) {
        List<String> problems = withoutOrg();
        String standard = " (a standard Lead field: give leadsla's user read access to it, field-level security)";
        String attributeHint = " (write the field's API name, not its label: Setup → Object Manager → Lead → Fields &"
                + " Relationships; if the field exists, give leadsla's user read access to it, field-level security)";
        field(problems, org, null, STATUS, standard).ifPresent(status -> {
            statusValues(problems, status, "mqlStatuses", m.mqlStatuses());
            statusValues(problems, status, "handoffStatuses", m.handoffStatuses());
            statusValues(problems, status, "acceptedStatuses", m.acceptedStatuses());
            statusValues(problems, status, "rejectedStatuses", m.rejectedStatuses());
            statusValues(problems, status, "recycledStatuses", m.recycledStatuses());
        });
        field(problems, org, null, OWNER_ID, standard);
        if (m.convertedIsAccepted()) {
            field(problems, org, null, IS_CONVERTED, standard);
        }
        if (isApiName(m.rejectionReasonField())) {
            field(problems, org, "rejectionReasonField", m.rejectionReasonField(),
                    m.rejectionReasonField().equals(SalesforceMapping.DEFAULT_REJECTION_REASON_FIELD)
                            ? " (run `setup` to create it, or name the field your reps fill in when they reject a lead)"
                            : " (create it, e.g. a picklist reps fill in when they reject a lead, or name the field you use)");
        }
        m.attributes().forEach((attribute, field) -> {
            if (attribute != null && isApiName(field)) {
                field(problems, org, "attributes." + attribute, field, attributeHint);
            }
        });
        return problems;
    }

    private void oneMeaningEach(List<String> problems, List<Map.Entry<String, List<String>>> lists) {
        Map<String, String> meaningOf = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> list : lists) {
            String key = list.getKey();
            List<String> values = list.getValue();
            for (int i = 0; i < values.size(); i++) {
                String value = values.get(i);
                if (value == null || value.isBlank()) {
                    problems.add(at(key + "[" + i + "]") + "empty value: give a lead status, or remove it");
                    continue;
                }
                String first = meaningOf.putIfAbsent(value, key);
                if (first != null) {
                    problems.add(at(key + "[" + i + "]") + "'" + value + "' is "
                            + (first.equals(key) ? "listed twice" : "also listed under " + first)
                            + ": a lead status can mean only one thing, keep it in one list");
                }
            }
        }
    }

    private void attributes(List<String> problems) {
        boolean regionsFromOwner = !m.ownerRegions().isEmpty() || m.defaultOwnerRegion() != null;
        Map<String, String> attributeOf = new LinkedHashMap<>();
        m.attributes().forEach((attribute, field) -> {
            String key = "attributes." + attribute;
            if (attribute == null || !ATTRIBUTE_NAME.matcher(attribute).matches()) {
                problems.add(at("attributes") + "'" + attribute + "' is not an attribute name: write each entry as "
                        + "attributeName: FieldApiName, e.g. leadSource: LeadSource");
            } else if (attribute.equals(LeadAttributes.OWNER_ID)) {
                problems.add(at(key) + "the owner always comes from the lead's OwnerId: remove this entry");
            } else if (attribute.equals(LeadAttributes.REASON)) {
                problems.add(at(key) + "the rejection reason comes from rejectionReasonField ('"
                        + m.rejectionReasonField() + "'): remove this entry, or set rejectionReasonField: " + field);
            } else if (attribute.equals(LeadAttributes.OWNER_REGION) && regionsFromOwner) {
                problems.add(at(key) + "ownerRegion already comes from ownerRegions / defaultOwnerRegion: use one "
                        + "or the other");
            } else if (fieldName(problems, key, field, null)) {
                if (!m.ownFieldPrefix().isBlank() && field.startsWith(m.ownFieldPrefix())) {
                    problems.add(at(key) + "'" + field + "' is one of leadsla's own fields (prefix "
                            + m.ownFieldPrefix() + "): leadsla writes those and never reads them back, map another field");
                }
                String other = attributeOf.putIfAbsent(field, attribute);
                if (other != null) {
                    problems.add(at(key) + "'" + field + "' is already mapped to the attribute '" + other
                            + "': a field can feed one attribute only");
                }
            }
        });
    }

    private void ownerRegions(List<String> problems) {
        Map<SalesforceId, String> seen = new LinkedHashMap<>();
        m.ownerRegions().forEach((owner, region) -> {
            Optional<SalesforceId> id = SalesforceId.parse(owner);
            if (id.isEmpty() || !id.get().isUser()) {
                problems.add(at("ownerRegions") + "'" + owner + "' is not a Salesforce user id: owner ids start with "
                        + "005 and have 15 or 18 characters (the URL of the user's page in Setup → Users shows it); "
                        + "queues (00G…) have no region");
                return;
            }
            if (region == null || region.isBlank()) {
                problems.add(at("ownerRegions." + owner) + "no region: give one (e.g. EMEA), or remove the owner");
            }
            String other = seen.putIfAbsent(id.get(), owner);
            if (other != null) {
                problems.add(at("ownerRegions." + owner) + "is the same user as '" + other
                        + "' (15- and 18-character forms of one id): keep one entry");
            }
        });
    }

    private void ownFieldPrefix(List<String> problems) {
        String prefix = m.ownFieldPrefix();
        if (prefix.isBlank()) {
            problems.add(at("ownFieldPrefix") + "must not be empty: changes to fields with this prefix (the ones "
                    + "leadsla writes) are ignored, and an empty prefix would ignore every change");
            return;
        }
        for (String standard : List.of(STATUS, OWNER_ID, IS_CONVERTED)) {
            if (standard.startsWith(prefix)) {
                problems.add(at("ownFieldPrefix") + "'" + prefix + "' would hide the standard field " + standard
                        + ": use a prefix only leadsla's fields have (the default is " + SalesforceMapping.DEFAULT_OWN_FIELD_PREFIX
                        + ")");
            }
        }
    }

    /** Whether the name is usable; reports it when not. */
    private boolean fieldName(List<String> problems, String key, String field, String dflt) {
        if (field == null || field.isBlank()) {
            problems.add(at(key) + "names no field: give the Lead field's API name"
                    + (dflt == null ? ", or remove the entry" : " (leave the key out for '" + dflt + "')"));
            return false;
        }
        if (!isApiName(field)) {
            problems.add(at(key) + "'" + field + "' is not a field API name" + API_NAME_HINT);
            return false;
        }
        return true;
    }

    private static boolean isApiName(String field) {
        return field != null && API_NAME.matcher(field).matches();
    }

    /** The org's field, or a problem naming {@code key} (or the mapping, for a standard field). */
    private Optional<FieldInfo> field(List<String> problems, OrgSchema org, String key, String field, String hint) {
        Optional<FieldInfo> found = org.leadField(field);
        if (found.isEmpty()) {
            problems.add((key == null ? path + ": " : at(key)) + "the org's Lead has no field '" + field
                    + "' that leadsla's user can see"
                    + Closest.to(field, org.leadFieldNames()).map(name -> ": did you mean '" + name + "'?").orElse("")
                    + hint);
        }
        return found;
    }

    private void statusValues(List<String> problems, FieldInfo status, String key, List<String> values) {
        List<String> active = status.picklistValues();
        if (active.isEmpty()) {
            return; // the describe gave no values: nothing to check against
        }
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value != null && !value.isBlank() && !active.contains(value)) {
                problems.add(at(key + "[" + i + "]") + "'" + value + "' is not an active value of the org's Lead "
                        + "Status picklist" + Closest.to(value, active).map(v -> ": did you mean '" + v + "'?").orElse(".")
                        + " Its values: " + shown(active) + " (write a value exactly as Setup → Object Manager → Lead → "
                        + "Fields & Relationships → Lead Status lists it)");
            }
        }
    }

    private static String shown(List<String> values) {
        if (values.size() <= VALUES_SHOWN) {
            return String.join(", ", values);
        }
        return String.join(", ", values.subList(0, VALUES_SHOWN)) + ", … (" + (values.size() - VALUES_SHOWN)
                + " more)";
    }

    private String at(String key) {
        return path + "." + key + ": ";
    }
}

package io.leadsla.connector.salesforce.normalize;

import io.leadsla.connector.salesforce.mapping.LeadAttributes;
import io.leadsla.connector.salesforce.mapping.SalesforceId;
import io.leadsla.connector.salesforce.mapping.SalesforceMapping;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The parts of the mapping that say which Lead fields matter and whose changes are leadsla's own;
 * shared by the readers of snapshots, history rows and activities.
 */
final class LeadFacts {

    static final String CLEARED = "";

    private final SalesforceMapping mapping;
    private final Map<String, String> attributeOf = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Optional<SalesforceId> integrationUser;

    LeadFacts(SalesforceMapping mapping) {
        this.mapping = mapping;
        mapping.attributes().forEach((attribute, field) -> attributeOf.putIfAbsent(field, attribute));
        this.integrationUser = mapping.integrationUser();
    }

    SalesforceMapping mapping() {
        return mapping;
    }

    /** Whether leadsla's own user made it. */
    boolean byLeadsla(SalesforceId user) {
        return user != null && integrationUser.isPresent() && integrationUser.get().equals(user);
    }

    boolean isReasonField(String field) {
        return field.equalsIgnoreCase(mapping.rejectionReasonField());
    }

    /** A field leadsla writes itself (its prefix), other than the reason field reps fill in. */
    boolean isOwnField(String field) {
        return field.startsWith(mapping.ownFieldPrefix()) && !isReasonField(field);
    }

    /** The attribute {@code field} is mapped to, or null. */
    String attributeOf(String field) {
        return attributeOf.get(field);
    }

    /** The mapped attribute of {@code field} set to {@code value} (empty: not mapped). */
    Map<String, String> mapped(String field, String value) {
        Map<String, String> attributes = new LinkedHashMap<>();
        String attribute = attributeOf(field);
        if (attribute != null) {
            attributes.put(attribute, orCleared(value));
        }
        return attributes;
    }

    Map<String, String> reason(String value) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(LeadAttributes.REASON, orCleared(value));
        return attributes;
    }

    /** An empty field clears its attribute (the engine removes a blank attribute). */
    static String orCleared(String value) {
        return value == null || value.isBlank() ? CLEARED : value;
    }
}

package io.leadsla.connector.salesforce.mapping;

import java.util.List;
import java.util.Objects;

/**
 * A Lead field as the org's describe of Lead reports it ({@code describeSObject("Lead")}).
 *
 * @param name           the API name, e.g. {@code LeadSource}, {@code LeadSLA_Rejection_Reason__c}
 * @param type           Salesforce's field type, e.g. {@code picklist}, {@code string}, {@code reference}
 * @param picklistValues the <em>active</em> values of a picklist (API values, not labels); empty
 *                       for other types
 */
public record FieldInfo(String name, String type, List<String> picklistValues) {

    public FieldInfo {
        Objects.requireNonNull(name, "name");
        picklistValues = picklistValues == null ? List.of() : List.copyOf(picklistValues);
    }
}

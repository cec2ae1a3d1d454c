package io.leadsla.connector.salesforce.mapping;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Lead object of one Salesforce org, as far as the mapping needs it: its fields, as the
 * describe of Lead shows them to leadsla's user. The API client implements it from
 * {@code describeSObject("Lead")}; tests use {@link #of}.
 */
public interface OrgSchema {

    /**
     * The Lead field with this API name, if leadsla's user can see it. API names are
     * case-insensitive in Salesforce; the field returned carries the org's spelling.
     */
    Optional<FieldInfo> leadField(String name);

    /** Every Lead field name leadsla's user can see, to suggest the right one; empty when unknown. */
    default Collection<String> leadFieldNames() {
        return List.of();
    }

    /** A fixed set of fields (a describe read once, or a test's fake org). */
    static OrgSchema of(Collection<FieldInfo> fields) {
        Map<String, FieldInfo> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        List<String> names = fields.stream().map(FieldInfo::name).toList();
        for (FieldInfo field : fields) {
            byName.put(field.name(), field);
        }
        return new OrgSchema() {
            @Override
            public Optional<FieldInfo> leadField(String name) {
                return Optional.ofNullable(name == null ? null : byName.get(name));
            }

            @Override
            public Collection<String> leadFieldNames() {
                return names;
            }
        };
    }
}

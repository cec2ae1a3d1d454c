package io.leadsla.simulator.salesforce;

/** One entry of a picklist field as describeSObject reports it. */
public record PicklistValue(String value, String label, boolean active, boolean defaultValue) {
    public static PicklistValue of(String value) {
        return new PicklistValue(value, value, true, false);
    }

    public static PicklistValue defaultOf(String value) {
        return new PicklistValue(value, value, true, true);
    }
}

package io.leadsla.simulator.hubspot;

/** A property group as returned by {@code /crm/v3/properties/{objectType}/groups}. */
public record PropertyGroup(String name, String label, int displayOrder, boolean archived) {
}

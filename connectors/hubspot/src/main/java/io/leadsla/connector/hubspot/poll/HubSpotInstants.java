package io.leadsla.connector.hubspot.poll;

import java.time.Instant;

/** HubSpot writes a moment as epoch milliseconds or as ISO-8601, depending on the endpoint and property. */
final class HubSpotInstants {

    private HubSpotInstants() {
    }

    /**
     * @throws java.time.format.DateTimeParseException when it is neither
     * @throws NumberFormatException                   when the digits overflow
     */
    static Instant parse(String text) {
        return !text.isEmpty() && text.chars().allMatch(Character::isDigit)
                ? Instant.ofEpochMilli(Long.parseLong(text)) : Instant.parse(text);
    }
}

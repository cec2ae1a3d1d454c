package io.leadsla.connector.hubspot.mapping;

import java.util.Locale;

/**
 * Who or what made a change, as HubSpot reports it: a webhook's {@code changeSource} and
 * {@code sourceId}, or a property history entry's {@code sourceType} and {@code sourceId}.
 * A change made through an app reads {@code INTEGRATION} (or {@code API}) with the app id as
 * {@code sourceId}, e.g. {@code "9393361"}; a user's edit reads {@code CRM_UI} with
 * {@code userId:123}.
 *
 * @param changeSource e.g. {@code CRM_UI}, {@code INTEGRATION}, {@code API}, {@code IMPORT},
 *                     {@code AUTOMATION_PLATFORM}; null when unknown
 * @param sourceId     the app, user or workflow behind it; null when unknown
 */
public record ChangeOrigin(String changeSource, String sourceId) {

    /** Nothing known about the origin (such a change is never taken for leadsla's own). */
    public static final ChangeOrigin UNKNOWN = new ChangeOrigin(null, null);

    /** Whether the change was made through the app with this id. */
    public boolean isApp(String appId) {
        if (appId == null || changeSource == null || sourceId == null) {
            return false;
        }
        String source = changeSource.strip().toUpperCase(Locale.ROOT);
        if (!source.equals("INTEGRATION") && !source.equals("API")) {
            return false;
        }
        // HubSpot writes the bare app id; a prefixed form ("appId:123"), like its "userId:123",
        // is accepted too so that a format change cannot silently open a write-back loop.
        String id = sourceId.strip();
        return id.equals(appId) || id.substring(id.lastIndexOf(':') + 1).equals(appId);
    }
}

package io.leadsla.connector.hubspot;

import io.leadsla.connector.hubspot.mapping.HubSpotMapping;
import io.leadsla.connector.writeback.TaskTemplates;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * One HubSpot portal's settings, as the service's configuration gives them (already checked).
 *
 * @param portalId      digits, or empty to read it from the token's account at start (one call)
 * @param publicBaseUrl scheme and host HubSpot calls when a proxy sits in front; empty: none
 * @param timeZone      the portal's zone: HubSpot's daily limit resets at its midnight
 */
public record HubSpotSettings(String account, String portalId, String accessToken, String clientSecret, String baseUrl,
                              String publicBaseUrl, int requestsPer10Seconds, int searchPerSecond, long dailyLimit,
                              double dailyWarnShare, ZoneId timeZone, HubSpotMapping mapping, TaskTemplates tasks,
                              Polling polling) {

    /** Incremental polling: how often, the overlap for HubSpot's search lag, the first look back, page budget. */
    public record Polling(Duration interval, Duration overlap, Duration firstLookBack, int perPoll, boolean activities) {
    }

    public HubSpotSettings {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(tasks, "tasks");
        Objects.requireNonNull(polling, "polling");
    }
}

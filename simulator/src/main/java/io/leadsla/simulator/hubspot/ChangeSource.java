package io.leadsla.simulator.hubspot;

/**
 * Who made a change, as HubSpot reports it in property history ({@code sourceType}, {@code sourceId},
 * {@code updatedByUserId}) and in webhook events ({@code changeSource}, {@code sourceId}). Public
 * payload captures show {@code CRM_UI} with {@code sourceId "userId:<id>"} for users and
 * {@code INTEGRATION} with the app id as {@code sourceId} for writes made by an app's token.
 */
public record ChangeSource(String sourceType, String sourceId, Long userId) {

    public ChangeSource {
        if (sourceType == null || sourceType.isBlank()) {
            throw new IllegalArgumentException("sourceType is required");
        }
    }

    /** A user working in HubSpot's UI. */
    public static ChangeSource crmUi(long userId) {
        return new ChangeSource("CRM_UI", "userId:" + userId, userId);
    }

    /** An app (private or public) writing through the API with its token. */
    public static ChangeSource integration(long appId) {
        return new ChangeSource("INTEGRATION", Long.toString(appId), null);
    }

    /** HubSpot itself deriving a value (e.g. stage dates, last-modified date). */
    public static ChangeSource calculated() {
        return new ChangeSource("CALCULATED", null, null);
    }

    /** A workflow action. */
    public static ChangeSource workflow(long workflowId) {
        return new ChangeSource("AUTOMATION_PLATFORM", Long.toString(workflowId), null);
    }

    public static ChangeSource of(String sourceType, String sourceId) {
        return new ChangeSource(sourceType, sourceId, null);
    }
}

package io.leadsla.connector.salesforce;

import io.leadsla.connector.salesforce.api.SalesforceAuthConfig;
import io.leadsla.connector.salesforce.mapping.SalesforceId;
import io.leadsla.connector.salesforce.mapping.SalesforceMapping;
import io.leadsla.connector.writeback.TaskTemplates;
import java.time.Duration;
import java.util.Objects;

/**
 * One Salesforce org's settings, as the service's configuration gives them (already checked).
 *
 * @param org           the org Outbound Messages must come from (18 characters)
 * @param slowDownShare share of the org's daily API limit after which polling slows down
 * @param pauseShare    share after which polling pauses (write-backs and tasks go on)
 * @param endpointSecret the secret query parameter of the org's Outbound Message endpoint URL; null:
 *                      none is set, and Outbound Messages are refused (polling still reads the org)
 */
public record SalesforceSettings(String account, SalesforceAuthConfig auth, SalesforceId org, double slowDownShare,
                                 double pauseShare, SalesforceMapping mapping, TaskTemplates tasks, Polling polling,
                                 String endpointSecret) {

    /** Never the secret. */
    @Override
    public String toString() {
        return "SalesforceSettings[" + account + ", org " + org + "]";
    }

    /** Incremental polling: how often, the overlap for commit lag, the first look back, rows per poll. */
    public record Polling(Duration interval, Duration overlap, Duration firstLookBack, int perPoll) {
    }

    public SalesforceSettings {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(tasks, "tasks");
        Objects.requireNonNull(polling, "polling");
    }
}

package io.leadsla.connector.api;

import io.leadsla.core.event.Crm;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The one seam a CRM plugs in through: one configured account of that CRM (a HubSpot portal, a
 * Salesforce org), running. The service opens one per account from its configuration and wires
 * every part the same way, whatever the CRM: what reads its inbox items, what polls it, what
 * writes to it, the gate its webhooks pass, its health, its setup. Parts read and write records
 * without knowing their account; {@link #scope()} keeps accounts apart.
 */
public interface CrmConnector {

    Crm crm();

    /** The account's name in the configuration ({@code default} for a single-account setup). */
    String account();

    default AccountScope scope() {
        return new AccountScope(account());
    }

    /** What reads the account's inbox items (webhook deliveries, poll pages), by inbox source. */
    List<Normalizer> normalizers();

    /** The incremental pollers; a first poll (no stored position) reads from {@code start}. */
    List<Poller> pollers(Instant start);

    /** How long a caught-up poller waits before polling again. */
    Duration pollInterval();

    /** How far back a first poll reads when nothing was polled yet (the server's start). */
    Duration firstLookBack();

    /** What writes the account's SLA fields and tasks. */
    CrmWriter writer();

    /** The gate the account's webhook deliveries pass before they are stored, if the CRM pushes. */
    Optional<WebhookGate> webhookGate();

    /** The account as this instance sees it (signed in, circuit breaker, API budget). */
    ConnectorHealth health();

    /** API calls made and calls the CRM rate-limited, since this instance started. */
    long apiCalls();

    long apiCallsRateLimited();

    /**
     * The mapping checked against the live account (a status value the CRM does not have, a
     * property that does not exist): one line per problem, empty when it fits.
     *
     * @throws CrmUnavailableException when the CRM cannot be asked now
     */
    List<String> problemsInCrm();

    /**
     * Creates in the CRM what leadsla writes (properties, fields), after reading what exists; with
     * {@code dryRun}, only says what it would do. One line per step, as printed by {@code setup}.
     */
    List<String> setup(boolean dryRun);

    /** The CRM could not be asked (down, unreachable, refusing the sign-in). */
    final class CrmUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public CrmUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

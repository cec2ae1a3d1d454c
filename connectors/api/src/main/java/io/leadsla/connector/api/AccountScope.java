package io.leadsla.connector.api;

import io.leadsla.core.event.LeadKey;
import java.util.List;
import java.util.Optional;

/**
 * One configured account of a CRM (a HubSpot portal, a Salesforce org) as the pipeline sees it.
 * Connectors read and write records without knowing which account they serve; this scope stamps
 * what they read with the account and keeps each account's inbox items apart, so that two portals'
 * contact 1001 stay two leads. The default account changes nothing: a single-account setup stores
 * and reads exactly what it did before accounts existed.
 */
public record AccountScope(String account) {

    public AccountScope {
        account = LeadKey.account(account);
    }

    public static AccountScope defaultAccount() {
        return new AccountScope(LeadKey.DEFAULT_ACCOUNT);
    }

    public boolean isDefault() {
        return LeadKey.DEFAULT_ACCOUNT.equals(account);
    }

    /** The account's own inbox source for a connector's source, e.g. {@code hubspot-webhook@emea}. */
    public String source(String connectorSource) {
        return isDefault() ? connectorSource : connectorSource + "@" + account;
    }

    /** Reads the account's inbox items with the connector's normalizer; its events become the account's. */
    public Normalizer normalizer(Normalizer connector) {
        if (isDefault()) {
            return connector;
        }
        String source = source(connector.source());
        return new Normalizer() {
            @Override
            public String source() {
                return source;
            }

            @Override
            public List<io.leadsla.core.event.LeadEvent> normalize(String body) {
                return connector.normalize(body).stream().map(e -> e.inAccount(account)).toList();
            }
        };
    }

    /** The connector's poller, its pages stored under the account's inbox sources. */
    public Poller poller(Poller connector) {
        if (isDefault()) {
            return connector;
        }
        return new Poller() {
            @Override
            public String cursor() {
                return connector.cursor();
            }

            @Override
            public String apiAccount() {
                return connector.apiAccount();
            }

            @Override
            public Poll poll(Optional<String> position) {
                Poll poll = connector.poll(position);
                return new Poll(poll.pages().stream().map(p -> new Page(source(p.source()), p.dedupKey(), p.body())).toList(),
                        poll.nextPosition(), poll.caughtUp());
            }
        };
    }
}

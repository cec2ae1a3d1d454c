package io.leadsla.service.connector;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadsla.connector.api.CrmConnector;
import io.leadsla.core.event.Crm;
import java.time.Clock;
import java.util.List;

/**
 * One CRM account's configuration (a HubSpot portal, a Salesforce org): whether it is on, what is
 * wrong with it before anything is asked of the CRM, and the running connector it opens. The
 * service wires every account through this and {@link CrmConnector}, whatever its CRM.
 */
public interface CrmAccountConfig {

    Crm crm();

    /** The account's name ({@code default} for a single-account configuration). */
    String account();

    /** Whether the account is configured (its credentials are set); when not, {@link #whyOff()} says why. */
    boolean enabled();

    String whyOff();

    /** What is wrong without asking the CRM: one line per problem, each naming its configuration key. */
    List<String> problems();

    /**
     * @throws CrmConnector.CrmUnavailableException when opening needs the CRM (HubSpot without a
     *                                              portal id) and it cannot be asked
     */
    CrmConnector open(ObjectMapper json, Clock clock);

    /** How the account is named in messages and health checks: {@code hubspot}, {@code hubspot-emea}. */
    default String label() {
        return crm().id() + (io.leadsla.core.event.LeadKey.DEFAULT_ACCOUNT.equals(account()) ? "" : "-" + account());
    }
}

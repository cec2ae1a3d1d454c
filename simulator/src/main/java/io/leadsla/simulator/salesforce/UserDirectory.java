package io.leadsla.simulator.salesforce;

import java.util.Optional;

/**
 * Who the org's users are, read from its User records: the integration user the connected app runs as,
 * lookups by username for the JWT flow and SOAP login, and getUserInfo's answer.
 */
final class UserDirectory {
    private final OrgStore store;
    private final SalesforceOptions options;
    private volatile String integrationUserId;

    UserDirectory(OrgStore store, SalesforceOptions options) {
        this.store = store;
        this.options = options;
    }

    void integrationUser(String id) {
        this.integrationUserId = id;
    }

    String integrationUserId() {
        return integrationUserId;
    }

    Optional<RecordSnapshot> byUsername(String username) {
        return store.live(StandardObjects.USER).stream()
                .filter(u -> username != null && username.equalsIgnoreCase(u.string("Username"))).findFirst();
    }

    PartnerEnvelope.UserInfo userInfo(String userId) {
        RecordSnapshot u = store.get(userId).orElseThrow();
        return new PartnerEnvelope.UserInfo(options.orgId(), options.orgName(), u.id(), u.string("Username"),
                u.string("Name"), u.string("Email"), (int) options.sessionTimeout().toSeconds());
    }
}

package io.leadsla.connector.salesforce.outbound;

import io.leadsla.connector.salesforce.mapping.SalesforceId;
import io.leadsla.connector.salesforce.outbound.OutboundVerdict.Reason;
import io.leadsla.connector.salesforce.outbound.OutboundVerdict.Refused;
import java.util.Objects;

/**
 * What {@code POST /webhooks/salesforce} checks before storing anything: the size, that the body is
 * an Outbound Message (read by the hardened {@link OutboundMessageParser}), and that it comes from
 * the configured org. An Outbound Message carries no signature; the org id is the check the
 * message itself allows (with HTTPS, and optionally Salesforce's client certificate and IP ranges
 * at the proxy).
 */
public final class OutboundMessageGate {

    private final SalesforceId org;
    private final OutboundMessageParser parser;

    /** @param org the configured org ({@code SALESFORCE_ORG_ID}, 15 or 18 characters) */
    public OutboundMessageGate(SalesforceId org, OutboundMessageParser parser) {
        this.org = Objects.requireNonNull(org, "org");
        if (!org.isOrganization()) {
            throw new IllegalArgumentException("'" + org + "' is not an organization id (00D…): check SALESFORCE_ORG_ID");
        }
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    /** The largest body worth reading: larger ones may be refused (413) before being read whole. */
    public int maxBytes() {
        return parser.maxBytes();
    }

    public OutboundVerdict check(byte[] body) {
        OutboundMessage message;
        try {
            message = parser.parse(body);
        } catch (MalformedOutboundMessageException e) {
            Reason reason = e.kind() == MalformedOutboundMessageException.Kind.TOO_LARGE ? Reason.TOO_LARGE
                    : Reason.MALFORMED;
            return new Refused(reason, e.getMessage());
        }
        if (!message.organizationId().equals(org)) {
            return new Refused(Reason.WRONG_ORGANIZATION, "OrganizationId " + message.organizationId()
                    + " is not the configured org " + org + " (SALESFORCE_ORG_ID): the Outbound Message comes from "
                    + "another org (a sandbox copied from production?); point that org's action elsewhere, or fix "
                    + "SALESFORCE_ORG_ID");
        }
        return new OutboundVerdict.Accepted(message, DeliveryKey.of(body));
    }
}

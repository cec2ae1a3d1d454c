package io.leadsla.connector.salesforce;

import io.leadsla.connector.api.WebhookGate;
import io.leadsla.connector.salesforce.outbound.OutboundMessageGate;
import io.leadsla.connector.salesforce.outbound.OutboundResponses;
import io.leadsla.connector.salesforce.outbound.OutboundVerdict;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An Outbound Message passes when it is one (hardened parsing: no DTD, no external entity) and
 * comes from the account's org; the SOAP {@code Ack} is answered once it is stored, since
 * Salesforce retries an unacknowledged message for 24 hours.
 */
public final class SalesforceOutboundGate implements WebhookGate {

    private final OutboundMessageGate gate;
    private final String source;

    /** @param source the inbox source of the account's Outbound Messages */
    public SalesforceOutboundGate(OutboundMessageGate gate, String source) {
        this.gate = gate;
        this.source = source;
    }

    @Override
    public int maxBytes() {
        return gate.maxBytes();
    }

    @Override
    public Reply tooLarge() {
        return refused(new OutboundVerdict.Refused(OutboundVerdict.Reason.TOO_LARGE, "body over " + gate.maxBytes() + " bytes"))
                .reply();
    }

    @Override
    public Verdict check(Request request) {
        OutboundVerdict verdict = gate.check(request.body());
        if (verdict instanceof OutboundVerdict.Refused refused) {
            return refused(refused);
        }
        OutboundVerdict.Accepted accepted = (OutboundVerdict.Accepted) verdict;
        List<String> warnings = accepted.message().sessionIdSent()
                ? List.of("a Salesforce Outbound Message carries a session id: untick \"Send Session ID\" in its definition "
                        + "(leadsla does not need it, and the message is stored as received)")
                : List.of();
        return new Accepted(source, accepted.deliveryKey(), new String(request.body(), StandardCharsets.UTF_8),
                new Reply(200, OutboundResponses.CONTENT_TYPE, OutboundResponses.ack()), warnings);
    }

    private static Refused refused(OutboundVerdict.Refused refused) {
        return new Refused(new Reply(refused.httpStatus(), OutboundResponses.CONTENT_TYPE, refused.soapFault()),
                "Salesforce Outbound Message refused (" + refused.reason() + "): " + refused.detail());
    }
}

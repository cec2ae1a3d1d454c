package io.leadsla.connector.salesforce;

import io.leadsla.connector.api.WebhookGate;
import io.leadsla.connector.salesforce.outbound.OutboundMessageGate;
import io.leadsla.connector.salesforce.outbound.OutboundResponses;
import io.leadsla.connector.salesforce.outbound.OutboundVerdict;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * An Outbound Message passes when it was sent to the account's URL with its secret, is one (hardened
 * parsing: no DTD, no external entity) and comes from the account's org; the SOAP {@code Ack} is
 * answered once it is stored, since Salesforce retries an unacknowledged message for 24 hours.
 *
 * <p>Why a secret in the URL: Salesforce signs nothing, and the org id it carries is printed in
 * every Web-to-Lead form, so a message with the right org id proves nothing. The endpoint URL is
 * known only to the org's admins and to Salesforce, which calls it over TLS; the secret is
 * compared in constant time. Without a configured secret every message is refused (polling
 * still reads the org), so a forged message can never change a clock.
 */
public final class SalesforceOutboundGate implements WebhookGate {

    private final OutboundMessageGate gate;
    private final String source;
    private final byte[] secret;

    /**
     * @param source the inbox source of the account's Outbound Messages
     * @param secret the secret query parameter of the account's endpoint URL; null or blank: none is
     *               set, and every message is refused
     */
    public SalesforceOutboundGate(OutboundMessageGate gate, String source, String secret) {
        this.gate = gate;
        this.source = source;
        this.secret = secret == null || secret.isBlank() ? null : secret.getBytes(StandardCharsets.UTF_8);
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
        if (secret == null) {
            return forbidden("no salesforce endpointSecret is set for this org, so leadsla cannot tell Salesforce's "
                    + "messages from forged ones: set one and add it to the Outbound Message's endpoint URL");
        }
        String given = request.urlSecret();
        // constant time: a mismatch must not tell how many leading characters were right
        if (given == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
            return forbidden("the endpoint URL lacks this org's secret (…/webhooks/salesforce?secret=<secret>)");
        }
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

    private static Refused forbidden(String why) {
        return new Refused(new Reply(403, OutboundResponses.CONTENT_TYPE, OutboundResponses.fault(why)),
                "Salesforce Outbound Message refused: " + why);
    }

    private static Refused refused(OutboundVerdict.Refused refused) {
        return new Refused(new Reply(refused.httpStatus(), OutboundResponses.CONTENT_TYPE, refused.soapFault()),
                "Salesforce Outbound Message refused (" + refused.reason() + "): " + refused.detail());
    }
}

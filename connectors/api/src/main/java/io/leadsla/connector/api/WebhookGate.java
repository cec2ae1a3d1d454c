package io.leadsla.connector.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a CRM's push (HubSpot's signed webhook batch, Salesforce's Outbound Message) must pass
 * before its body is stored in the inbox and acknowledged: the CRM's own proof of origin, its size
 * limit, the answer it expects. The service stores an accepted body before it answers, so nothing
 * acknowledged is lost; a refused one changes nothing.
 */
public interface WebhookGate {

    /** Bodies over this are refused before they are read whole. */
    int maxBytes();

    /** The answer to a body too large (each CRM reads its own error shape). */
    Reply tooLarge();

    Verdict check(Request request);

    /**
     * A delivery as received.
     *
     * @param calledUrl the URL the CRM called (scheme, host and path as the CRM saw them, with the query)
     * @param headers   header names in lower case
     * @param urlSecret the URL's {@code secret} query parameter, or null: a CRM that signs nothing
     *                  (Salesforce) proves its origin by knowing it
     */
    record Request(String calledUrl, Map<String, String> headers, byte[] body, String urlSecret) {
        public Request {
            Objects.requireNonNull(calledUrl, "calledUrl");
            headers = Map.copyOf(headers);
            Objects.requireNonNull(body, "body");
        }

        /** A delivery to a URL without a secret. */
        public Request(String calledUrl, Map<String, String> headers, byte[] body) {
            this(calledUrl, headers, body, null);
        }

        /** Never the body (personal data) nor the secret. */
        @Override
        public String toString() {
            return "Request[" + calledUrl.replaceAll("\\?.*", "") + ", " + body.length + " bytes]";
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** The HTTP answer the CRM expects. {@code body} may be empty. */
    record Reply(int status, String contentType, String body) {
    }

    sealed interface Verdict permits Accepted, Refused {
    }

    /**
     * Store {@code body} under the inbox source and delivery key, then answer {@code reply}.
     * {@code warnings}: worth an operator's attention, yet no reason to refuse.
     */
    record Accepted(String source, String deliveryKey, String body, Reply reply, List<String> warnings) implements Verdict {
        public Accepted {
            warnings = List.copyOf(warnings);
        }
    }

    /** Answer {@code reply} and store nothing; {@code reason} is logged. */
    record Refused(Reply reply, String reason) implements Verdict {
    }
}

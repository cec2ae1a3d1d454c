package io.leadsla.simulator.salesforce;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Routes HTTP requests and applies what every call goes through, in Salesforce's order as far as a client
 * can tell: outage, request decoding (force-wsc gzips its requests), injected faults, session check, the
 * daily API allowance, then the operation. Answers are gzipped when the client accepts it, as Salesforce
 * does for force-wsc. SOAP faults go out with HTTP 500, the status force-wsc reads a fault from.
 */
final class HttpFrontend implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(HttpFrontend.class);
    private static final Pattern SOAP_PATH = Pattern.compile("/services/Soap/u/(\\d+\\.\\d)(/[0-9A-Za-z]{15,18})?/?");
    private static final Pattern LIMITS_PATH = Pattern.compile("/services/data/v(\\d+\\.\\d)/limits/?");
    private static final String OUTAGE_HTML = "<html><head><title>Service Unavailable</title></head><body>"
            + "<h1>Service Unavailable</h1><p>The server is temporarily unable to service your request. "
            + "Please try again later.</p></body></html>";

    private final SalesforceOptions options;
    private final PartnerApi partner;
    private final OAuthEndpoint oauth;
    private final RestApi rest;
    private final TokenService tokens;
    private final UserDirectory users;
    private final ApiUsage usage;
    private final FaultInjector faults;
    private final RequestLog log;
    private final Supplier<String> baseUrl;

    HttpFrontend(SalesforceOptions options, PartnerApi partner, OAuthEndpoint oauth, RestApi rest,
                 TokenService tokens, UserDirectory users, ApiUsage usage, FaultInjector faults, RequestLog log,
                 Supplier<String> baseUrl) {
        this.options = options;
        this.partner = partner;
        this.oauth = oauth;
        this.rest = rest;
        this.tokens = tokens;
        this.users = users;
        this.usage = usage;
        this.faults = faults;
        this.log = log;
        this.baseUrl = baseUrl;
    }

    /** The outcome of one call for the request log. */
    private record Outcome(HttpReply reply, String api, String operation, String faultCode) {
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Outcome outcome;
        try {
            outcome = route(exchange);
        } catch (RuntimeException | IOException e) {
            LOG.warn("simulator failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            outcome = new Outcome(HttpReply.json(500, "[{\"message\":\"An unexpected error occurred.\",\"errorCode\":"
                    + "\"UNKNOWN_EXCEPTION\"}]"), "HTTP", "error", "UNKNOWN_EXCEPTION");
        }
        log.record(outcome.api(), outcome.operation(), outcome.reply().status(), outcome.faultCode());
        Duration delay = faults.delay();
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        write(exchange, outcome.reply());
    }

    private Outcome route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        byte[] body = readBody(exchange);
        Optional<FaultInjector.OutageStyle> outage = faults.outage();
        Matcher soap = SOAP_PATH.matcher(path);
        if (method.equals("POST") && soap.matches()) {
            if (outage.isPresent()) {
                return outage.get() == FaultInjector.OutageStyle.SOAP_SERVER_UNAVAILABLE
                        ? faultOutcome(SoapFault.unexpected("SERVER_UNAVAILABLE",
                        FaultInjector.DEFAULT_MESSAGES.get("SERVER_UNAVAILABLE")), "soap")
                        : unavailable("SOAP", "soap");
            }
            return soap(body, soap.group(1));
        }
        if (outage.isPresent()) {
            return unavailable("HTTP", path);
        }
        if (method.equals("POST") && path.equals("/services/oauth2/token")) {
            HttpReply r = oauth.token(body, exchange.getRequestHeaders().getFirst("Authorization"));
            return new Outcome(r, "OAUTH", "token", r.status() == 200 ? null : "oauth_error");
        }
        Matcher limits = LIMITS_PATH.matcher(path);
        if (method.equals("GET") && limits.matches()) {
            return restCall(exchange, "limits", rest::limits);
        }
        return new Outcome(rest.error(404, "NOT_FOUND", "The requested resource does not exist"), "HTTP", path,
                "NOT_FOUND");
    }

    private Outcome unavailable(String api, String operation) {
        return new Outcome(new HttpReply(503, "text/html;charset=UTF-8", OUTAGE_HTML.getBytes(StandardCharsets.UTF_8),
                Map.of()), api, operation, "HTTP_503");
    }

    // ------------------------------------------------------------------ REST

    private Outcome restCall(HttpExchange exchange, String operation, Supplier<HttpReply> call) {
        Optional<SoapFault> injected = faults.next();
        if (injected.isPresent()) {
            SoapFault f = injected.get();
            int status = switch (f.code()) {
                case "REQUEST_LIMIT_EXCEEDED" -> 403;
                case "INVALID_SESSION_ID" -> 401;
                case "SERVER_UNAVAILABLE" -> 503;
                default -> 500;
            };
            return new Outcome(rest.error(status, f.code(), f.getMessage()), "REST", operation, f.code());
        }
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String token = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).trim()
                : null;
        if (tokens.use(token).isEmpty()) {
            return new Outcome(rest.error(401, "INVALID_SESSION_ID", "Session expired or invalid"), "REST", operation,
                    "INVALID_SESSION_ID");
        }
        if (!usage.tryAcquire()) {
            return new Outcome(rest.error(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded."), "REST",
                    operation, "REQUEST_LIMIT_EXCEEDED");
        }
        return new Outcome(call.get(), "REST", operation, null);
    }

    // ------------------------------------------------------------------ SOAP

    private Outcome soap(byte[] body, String version) {
        Document doc;
        try {
            doc = Xml.parse(body);
        } catch (Exception e) {
            return new Outcome(HttpReply.xml(500, PartnerEnvelope.clientFault("Unable to parse request: "
                    + e.getMessage())), "SOAP", "unparseable", "soapenv:Client");
        }
        Element envelope = doc.getDocumentElement();
        Optional<Element> header = Xml.child(envelope, "Header");
        Element op = Xml.child(envelope, "Body").flatMap(b -> Xml.children(b).stream().findFirst()).orElse(null);
        if (op == null) {
            return new Outcome(HttpReply.xml(500, PartnerEnvelope.clientFault("No operation in request body")),
                    "SOAP", "empty", "soapenv:Client");
        }
        String operation = op.getLocalName();
        if (operation.equals("login")) {
            return login(op, version);
        }
        Optional<SoapFault> injected = faults.next();
        if (injected.isPresent()) {
            return faultOutcome(injected.get(), operation);
        }
        String sessionId = header.flatMap(h -> Xml.child(h, "SessionHeader"))
                .flatMap(s -> Xml.childText(s, "sessionId")).map(String::trim).orElse(null);
        Optional<AccessToken> session = tokens.use(sessionId);
        if (session.isEmpty()) {
            return faultOutcome(SoapFault.unexpected("INVALID_SESSION_ID", invalidSessionMessage(sessionId)),
                    operation);
        }
        if (!usage.tryAcquire()) {
            return faultOutcome(SoapFault.unexpected("REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded."),
                    operation);
        }
        Integer batchSize = header.flatMap(h -> Xml.child(h, "QueryOptions"))
                .flatMap(q -> Xml.childText(q, "batchSize")).map(String::trim).map(Integer::valueOf).orElse(null);
        try {
            String responseBody = partner.handle(op, session.get(), batchSize, baseUrl.get());
            return new Outcome(HttpReply.xml(200, PartnerEnvelope.success(responseBody,
                    new long[] {usage.used(), usage.limit()})), "SOAP", operation, null);
        } catch (SoapFault f) {
            return new Outcome(HttpReply.xml(500, PartnerEnvelope.fault(f, new long[] {usage.used(), usage.limit()})),
                    "SOAP", operation, f.code());
        } catch (UnsupportedOperationException e) {
            return new Outcome(HttpReply.xml(500, PartnerEnvelope.clientFault("No operation available for request "
                    + "{" + op.getNamespaceURI() + "}" + operation)), "SOAP", operation, "soapenv:Client");
        }
    }

    /**
     * Salesforce's text for a dead session. The "Illegal Session"/"Session not found" wording matters: force-wsc
     * only calls a configured SessionRenewer when the fault string contains it.
     */
    private static String invalidSessionMessage(String sessionId) {
        if (sessionId == null || sessionId.isEmpty()) {
            return "Invalid Session ID found in SessionHeader: Illegal Session";
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
            return "Invalid Session ID found in SessionHeader: Illegal Session. Session not found, missing session "
                    + "hash: " + Base64.getEncoder().encodeToString(hash)
                    + "\nThis error usually occurs after a session expires or a user logs out.";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Outcome login(Element op, String version) {
        String username = Xml.childText(op, "username").orElse("");
        String password = Xml.childText(op, "password").orElse("");
        Optional<RecordSnapshot> user = users.byUsername(username);
        if (options.integrationPassword() == null || user.isEmpty()
                || !user.get().id().equals(users.integrationUserId())
                || !MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
                options.integrationPassword().getBytes(StandardCharsets.UTF_8))) {
            return faultOutcome(new SoapFault("INVALID_LOGIN", "Invalid username, password, security token; or user "
                    + "locked out.", "LoginFault", null, null), "login");
        }
        AccessToken t = tokens.issue(user.get().id(), "soap-login");
        String org15 = SalesforceIds.to15(options.orgId());
        String body = PartnerEnvelope.login(baseUrl.get() + "/services/Soap/m/" + version + "/" + org15,
                baseUrl.get() + "/services/Soap/u/" + version + "/" + org15, t.token(), users.userInfo(t.userId()));
        return new Outcome(HttpReply.xml(200, PartnerEnvelope.success(body, null)), "SOAP", "login", null);
    }

    private static Outcome faultOutcome(SoapFault f, String operation) {
        return new Outcome(HttpReply.xml(500, PartnerEnvelope.fault(f, null)), "SOAP", operation, f.code());
    }

    // ------------------------------------------------------------------ wire

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] raw = in.readAllBytes();
            String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
            if (encoding != null && encoding.equalsIgnoreCase("gzip") && raw.length > 0) {
                try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(raw))) {
                    return gz.readAllBytes();
                }
            }
            return raw;
        }
    }

    private static void write(HttpExchange exchange, HttpReply reply) throws IOException {
        byte[] body = reply.body();
        String accept = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        if (accept != null && accept.toLowerCase().contains("gzip") && body.length > 0) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
                gz.write(body);
            }
            body = buf.toByteArray();
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }
}

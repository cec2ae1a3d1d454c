package io.leadsla.connector.salesforce.outbound;

import static io.leadsla.connector.salesforce.outbound.MalformedOutboundMessageException.Kind.FORBIDDEN_XML;
import static io.leadsla.connector.salesforce.outbound.MalformedOutboundMessageException.Kind.NOT_AN_OUTBOUND_MESSAGE;
import static io.leadsla.connector.salesforce.outbound.MalformedOutboundMessageException.Kind.NOT_XML;
import static io.leadsla.connector.salesforce.outbound.MalformedOutboundMessageException.Kind.TOO_LARGE;

import io.leadsla.connector.salesforce.mapping.SalesforceId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads the body of a Salesforce Outbound Message: a SOAP 1.1 envelope whose body is
 * {@code notifications} (namespace {@value OutboundResponses#OUTBOUND_NS}) holding
 * {@code OrganizationId}, {@code ActionId}, {@code SessionId}, {@code EnterpriseUrl},
 * {@code PartnerUrl} and 1 to 100 {@code Notification}s, each an {@code Id} and an
 * {@code sObject} whose {@code xsi:type} names the object and whose children (namespace
 * {@value #SOBJECT_NS}) are its fields.
 *
 * <p>The body comes from the internet, so the XML parser is locked down before it reads a byte:
 * a DOCTYPE is refused outright (no DTD, hence no entity of any kind: no external entity can read
 * a file or call a URL, no billion-laughs expansion), external DTDs and schemas cannot be fetched,
 * XInclude is off, secure processing (the JDK's limits) is on, and bodies over a size limit are
 * not parsed. The JDK's own parser is used ({@code newDefaultInstance}), whatever else is on the
 * class path, so these settings are the ones that apply.
 *
 * <p>Immutable and thread-safe: each parse makes its own parser.
 */
public final class OutboundMessageParser {

    /**
     * The default size limit. leadsla needs a dozen fields per lead: 100 notifications of those
     * weigh well under 1 MiB; the margin allows a few more fields.
     */
    public static final int DEFAULT_MAX_BYTES = 4 * 1024 * 1024;
    /** Salesforce sends at most 100 notifications per message. */
    public static final int MAX_NOTIFICATIONS = 100;
    public static final String SOBJECT_NS = "urn:sobject.enterprise.soap.sforce.com";

    private static final String ENVELOPE_NS = OutboundResponses.SOAP_ENVELOPE_NS;
    private static final String OUTBOUND_NS = OutboundResponses.OUTBOUND_NS;
    private static final String XSI_NS = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;
    private static final int MAX_ELEMENT_DEPTH = 32;

    private final int maxBytes;

    public OutboundMessageParser() {
        this(DEFAULT_MAX_BYTES);
    }

    /** @param maxBytes bodies larger than this are refused unread */
    public OutboundMessageParser(int maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
    }

    public int maxBytes() {
        return maxBytes;
    }

    /**
     * Reads a body as received (bytes; the XML declaration gives the encoding, UTF-8 by default).
     *
     * @throws MalformedOutboundMessageException when it is not an Outbound Message leadsla reads
     */
    public OutboundMessage parse(byte[] body) {
        if (body.length > maxBytes) {
            throw tooLarge(body.length);
        }
        return read(new InputSource(new ByteArrayInputStream(body)), body.length == 0);
    }

    /**
     * Reads a body kept as text (as the inbox stores it).
     *
     * @throws MalformedOutboundMessageException when it is not an Outbound Message leadsla reads
     */
    public OutboundMessage parse(String body) {
        if (body.length() > maxBytes) {
            throw tooLarge(body.length());
        }
        return read(new InputSource(new StringReader(body)), body.isBlank());
    }

    private OutboundMessage read(InputSource source, boolean empty) {
        if (empty) {
            throw new MalformedOutboundMessageException(NOT_XML, "the body is empty (expected a SOAP envelope)");
        }
        Document document;
        try {
            document = hardenedBuilder().parse(source);
        } catch (SAXParseException e) {
            throw notXml(e);
        } catch (SAXException | IOException e) {
            throw new MalformedOutboundMessageException(NOT_XML, "not readable as XML: " + e.getMessage());
        }
        return message(document.getDocumentElement());
    }

    private static DocumentBuilder hardenedBuilder() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", MAX_ELEMENT_DEPTH);
            factory.setNamespaceAware(true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setValidating(false);
            factory.setIgnoringComments(true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> {
                // unreachable with DOCTYPEs refused; a second lock all the same
                throw new SAXException("external entities are not allowed");
            });
            builder.setErrorHandler(new Rethrow());
            return builder;
        } catch (ParserConfigurationException | IllegalArgumentException e) {
            // never silently parse with a weaker parser
            throw new IllegalStateException("the JDK's XML parser cannot be hardened: " + e.getMessage(), e);
        }
    }

    private OutboundMessage message(Element envelope) {
        if (!is(envelope, ENVELOPE_NS, "Envelope")) {
            throw notOutbound("the root element is " + name(envelope) + ", not a SOAP 1.1 Envelope ("
                    + ENVELOPE_NS + ")");
        }
        Element body = children(envelope).stream().filter(e -> is(e, ENVELOPE_NS, "Body")).findFirst()
                .orElseThrow(() -> notOutbound("the SOAP Envelope has no Body"));
        List<Element> inBody = children(body);
        if (inBody.size() != 1 || !is(inBody.get(0), OUTBOUND_NS, "notifications")) {
            throw notOutbound("the SOAP Body does not hold one notifications element (" + OUTBOUND_NS + ")"
                    + (inBody.isEmpty() ? "" : "; found " + name(inBody.get(0))));
        }
        Element notifications = inBody.get(0);
        SalesforceId org = null;
        String actionId = null;
        boolean sessionIdSent = false;
        List<OutboundMessage.Notification> read = new ArrayList<>();
        for (Element child : children(notifications)) {
            if (!OUTBOUND_NS.equals(child.getNamespaceURI())) {
                throw notOutbound("unexpected element " + name(child) + " in notifications");
            }
            switch (child.getLocalName()) {
                case "OrganizationId" -> org = SalesforceId.parse(text(child)).filter(SalesforceId::isOrganization)
                        .orElseThrow(() -> notOutbound("OrganizationId is not an organization id (00D…, 15 or 18 "
                                + "characters)"));
                case "ActionId" -> actionId = nil(child) ? null : text(child).strip();
                case "SessionId" -> sessionIdSent = !nil(child) && !text(child).isBlank();
                case "Notification" -> {
                    if (read.size() == MAX_NOTIFICATIONS) {
                        throw notOutbound("more than " + MAX_NOTIFICATIONS + " notifications (Salesforce sends at most "
                                + MAX_NOTIFICATIONS + ")");
                    }
                    read.add(notification(child, read.size()));
                }
                default -> {
                    // EnterpriseUrl, PartnerUrl, and whatever Salesforce adds later: not needed
                }
            }
        }
        if (org == null) {
            throw notOutbound("notifications has no OrganizationId");
        }
        if (read.isEmpty()) {
            throw notOutbound("notifications holds no Notification");
        }
        return new OutboundMessage(org, actionId, sessionIdSent, read);
    }

    private OutboundMessage.Notification notification(Element notification, int index) {
        String where = "Notification [" + index + "]";
        SalesforceId id = null;
        Element sObject = null;
        for (Element child : children(notification)) {
            if (is(child, OUTBOUND_NS, "Id")) {
                id = SalesforceId.parse(text(child))
                        .orElseThrow(() -> notOutbound(where + ": its Id is not a Salesforce id"));
            } else if (is(child, OUTBOUND_NS, "sObject")) {
                sObject = child;
            } else {
                throw notOutbound(where + ": unexpected element " + name(child));
            }
        }
        if (id == null) {
            throw notOutbound(where + " has no Id");
        }
        String at = where + " (Id " + id + ")";
        if (sObject == null) {
            throw notOutbound(at + " has no sObject");
        }
        String type = objectType(sObject).orElseThrow(() -> notOutbound(at + ": the sObject has no xsi:type (such as "
                + "sf:Lead) in " + SOBJECT_NS));
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element field : children(sObject)) {
            if (!SOBJECT_NS.equals(field.getNamespaceURI())) {
                throw notOutbound(at + ": unexpected element " + name(field) + " in the sObject (its fields are in "
                        + SOBJECT_NS + ")");
            }
            if (!children(field).isEmpty()) {
                throw notOutbound(at + ": the field " + field.getLocalName() + " holds elements, not a value");
            }
            if (fields.containsKey(field.getLocalName())) {
                throw notOutbound(at + ": the field " + field.getLocalName() + " appears twice");
            }
            fields.put(field.getLocalName(), nil(field) ? null : text(field));
        }
        return new OutboundMessage.Notification(id, type, fields);
    }

    /** The local name of {@code xsi:type}, when its prefix is the sObject namespace's. */
    private static Optional<String> objectType(Element sObject) {
        String type = sObject.getAttributeNS(XSI_NS, "type").strip();
        if (type.isEmpty()) {
            return Optional.empty();
        }
        int colon = type.indexOf(':');
        String prefix = colon < 0 ? null : type.substring(0, colon);
        String local = type.substring(colon + 1);
        return SOBJECT_NS.equals(sObject.lookupNamespaceURI(prefix)) && !local.isEmpty()
                ? Optional.of(local) : Optional.empty();
    }

    private static boolean nil(Element element) {
        String nil = element.getAttributeNS(XSI_NS, "nil").strip();
        return nil.equals("true") || nil.equals("1");
    }

    private static String text(Element element) {
        return element.getTextContent();
    }

    private static boolean is(Element element, String namespace, String localName) {
        return namespace.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName());
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                elements.add((Element) n);
            }
        }
        return elements;
    }

    private static String name(Element element) {
        String ns = element.getNamespaceURI();
        String local = element.getLocalName() == null ? element.getNodeName() : element.getLocalName();
        return ns == null ? "'" + local + "'" : "'" + local + "' (" + ns + ")";
    }

    private MalformedOutboundMessageException tooLarge(long size) {
        return new MalformedOutboundMessageException(TOO_LARGE, "the body is " + size + " bytes, over the limit of "
                + maxBytes + " (Salesforce sends at most " + MAX_NOTIFICATIONS + " notifications; send fewer fields)");
    }

    private static MalformedOutboundMessageException notXml(SAXParseException e) {
        String where = " (line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ")";
        String message = String.valueOf(e.getMessage());
        if (message.contains("DOCTYPE") || message.contains("doctype")) {
            return new MalformedOutboundMessageException(FORBIDDEN_XML, "a DOCTYPE is not allowed" + where
                    + ": Salesforce never sends one, and DTDs are what XML entity attacks use");
        }
        if (message.contains("external entities")) {
            return new MalformedOutboundMessageException(FORBIDDEN_XML, "external entities are not allowed" + where);
        }
        return new MalformedOutboundMessageException(NOT_XML, "not well-formed XML" + where + ": " + message);
    }

    private static MalformedOutboundMessageException notOutbound(String problem) {
        return new MalformedOutboundMessageException(NOT_AN_OUTBOUND_MESSAGE, "not a Salesforce Outbound Message: "
                + problem);
    }

    /** Makes every parser warning and error fatal, instead of printed to stderr. */
    private static final class Rethrow implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }
}

package io.leadsla.simulator.salesforce;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * XML in and out. Requests are parsed with a DOM parser hardened against XXE and entity expansion (no
 * DOCTYPE at all, no external entities or schemas), since the simulator parses whatever a client sends.
 */
final class Xml {
    static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String PARTNER = "urn:partner.soap.sforce.com";

    private Xml() {
    }

    static Document parse(byte[] body) throws IOException, SAXException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new ByteArrayInputStream(body));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    static List<Element> children(Element parent, String localName) {
        return children(parent).stream().filter(e -> localName.equals(e.getLocalName())).toList();
    }

    static Optional<Element> child(Element parent, String localName) {
        return children(parent, localName).stream().findFirst();
    }

    static Optional<String> childText(Element parent, String localName) {
        return child(parent, localName).map(Element::getTextContent);
    }

    static boolean isNil(Element e) {
        return "true".equals(e.getAttributeNS(XSI, "nil"));
    }

    /** Escapes text for element content and attribute values. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\r' -> sb.append("&#13;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        continue; // not representable in XML 1.0
                    }
                    sb.append(c);
                }
            }
        }
        return sb.toString();
    }
}

package io.leadsla.simulator.salesforce;

/** A minimal streaming XML writer over a StringBuilder; the caller keeps tags balanced. */
final class XmlWriter {
    private final StringBuilder sb = new StringBuilder(1024);

    XmlWriter raw(String s) {
        sb.append(s);
        return this;
    }

    XmlWriter open(String tag) {
        sb.append('<').append(tag).append('>');
        return this;
    }

    XmlWriter open(String tag, String attributes) {
        sb.append('<').append(tag).append(' ').append(attributes).append('>');
        return this;
    }

    XmlWriter close(String tag) {
        sb.append("</").append(tag).append('>');
        return this;
    }

    /** {@code <tag>text</tag>}, or {@code <tag xsi:nil="true"/>} when text is null. */
    XmlWriter element(String tag, Object text) {
        if (text == null) {
            sb.append('<').append(tag).append(" xsi:nil=\"true\"/>");
        } else {
            sb.append('<').append(tag).append('>').append(Xml.escape(text.toString())).append("</").append(tag)
                    .append('>');
        }
        return this;
    }

    /** Like {@link #element} but writes nothing for null (optional elements). */
    XmlWriter optional(String tag, Object text) {
        return text == null ? this : element(tag, text);
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}

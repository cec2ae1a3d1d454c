package io.leadsla.simulator.salesforce;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the SOQL subset leadsla uses into a {@link SoqlQuery}, failing like Salesforce: MALFORMED_QUERY for
 * syntax ("unexpected token: 'X'"), INVALID_TYPE for an unknown object, INVALID_FIELD for an unknown field or a
 * literal of the wrong type for its field. Keywords and field names are case-insensitive.
 */
final class SoqlParser {
    private static final Pattern DATETIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?(Z|[+-]\\d{2}:?\\d{2})");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private enum Kind { IDENT, STRING, LITERAL, SYMBOL, EOF }

    private record Token(Kind kind, String text, int offset) {
        boolean is(String keyword) {
            return (kind == Kind.IDENT || kind == Kind.SYMBOL) && text.equalsIgnoreCase(keyword);
        }
    }

    private final Schema schema;
    private String query;
    private List<Token> tokens;
    private int pos;

    SoqlParser(Schema schema) {
        this.schema = schema;
    }

    synchronized SoqlQuery parse(String soql) {
        this.query = soql;
        this.tokens = lex(soql);
        this.pos = 0;
        expect("SELECT");
        List<Token> fieldTokens = new ArrayList<>();
        boolean count = false;
        if (peek().is("COUNT") && tokens.get(pos + 1).is("(")) {
            next();
            next();
            expect(")");
            count = true;
        } else {
            do {
                Token t = next();
                if (t.kind != Kind.IDENT || isKeyword(t.text)) {
                    throw unexpected(t);
                }
                fieldTokens.add(t);
            } while (accept(","));
        }
        expect("FROM");
        Token objectToken = next();
        if (objectToken.kind != Kind.IDENT) {
            throw unexpected(objectToken);
        }
        SObjectDef object = schema.object(objectToken.text).orElseThrow(() -> SoqlException.at("INVALID_TYPE",
                query, objectToken.offset, "sObject type '" + objectToken.text + "' is not supported. If you are "
                        + "attempting to use a custom object, be sure to append the '__c' after the entity name. "
                        + "Please reference your WSDL or the describe call for the appropriate names."));
        List<FieldDef> fields = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Token t : fieldTokens) {
            FieldDef f = resolve(object, t);
            if (!seen.add(f.name())) {
                throw SoqlException.at("MALFORMED_QUERY", query, t.offset, "duplicate field selected: " + f.name());
            }
            fields.add(f);
        }
        SoqlQuery.Condition where = null;
        if (accept("WHERE")) {
            where = orExpr(object);
        }
        List<SoqlQuery.Order> order = new ArrayList<>();
        if (peek().is("ORDER")) {
            next();
            expect("BY");
            do {
                FieldDef f = resolve(object, identifier());
                boolean desc = false;
                if (accept("DESC")) {
                    desc = true;
                } else {
                    accept("ASC");
                }
                boolean nullsFirst = !desc;
                if (accept("NULLS")) {
                    if (accept("FIRST")) {
                        nullsFirst = true;
                    } else {
                        expect("LAST");
                        nullsFirst = false;
                    }
                }
                order.add(new SoqlQuery.Order(f, desc, nullsFirst));
            } while (accept(","));
        }
        Integer limit = null;
        if (accept("LIMIT")) {
            Token t = next();
            if (t.kind != Kind.LITERAL || !t.text.matches("\\d+")) {
                throw unexpected(t);
            }
            limit = Integer.parseInt(t.text);
        }
        Token end = next();
        if (end.kind != Kind.EOF) {
            throw unexpected(end);
        }
        return new SoqlQuery(object, fields, count, where, order, limit);
    }

    // ------------------------------------------------------------------ WHERE

    private SoqlQuery.Condition orExpr(SObjectDef object) {
        List<SoqlQuery.Condition> parts = new ArrayList<>();
        parts.add(andExpr(object));
        while (accept("OR")) {
            parts.add(andExpr(object));
        }
        return parts.size() == 1 ? parts.get(0) : new SoqlQuery.Or(parts);
    }

    private SoqlQuery.Condition andExpr(SObjectDef object) {
        List<SoqlQuery.Condition> parts = new ArrayList<>();
        parts.add(unary(object));
        while (accept("AND")) {
            parts.add(unary(object));
        }
        return parts.size() == 1 ? parts.get(0) : new SoqlQuery.And(parts);
    }

    private SoqlQuery.Condition unary(SObjectDef object) {
        if (accept("NOT")) {
            return new SoqlQuery.Not(unary(object));
        }
        if (accept("(")) {
            SoqlQuery.Condition c = orExpr(object);
            expect(")");
            return c;
        }
        FieldDef field = resolve(object, identifier());
        if (peek().is("NOT") && tokens.get(pos + 1).is("IN")) {
            next();
            next();
            return new SoqlQuery.InList(field, valueList(field), true);
        }
        if (accept("IN")) {
            return new SoqlQuery.InList(field, valueList(field), false);
        }
        Token opToken = next();
        SoqlQuery.Op op = switch (opToken.text.toUpperCase(Locale.ROOT)) {
            case "=" -> SoqlQuery.Op.EQ;
            case "!=", "<>" -> SoqlQuery.Op.NE;
            case "<" -> SoqlQuery.Op.LT;
            case "<=" -> SoqlQuery.Op.LE;
            case ">" -> SoqlQuery.Op.GT;
            case ">=" -> SoqlQuery.Op.GE;
            case "LIKE" -> SoqlQuery.Op.LIKE;
            default -> throw unexpected(opToken);
        };
        Object value = literal(field);
        if (value == null && op != SoqlQuery.Op.EQ && op != SoqlQuery.Op.NE) {
            throw SoqlException.at("MALFORMED_QUERY", query, opToken.offset, "invalid operator on null: "
                    + opToken.text);
        }
        return new SoqlQuery.Comparison(field, op, value);
    }

    private List<Object> valueList(FieldDef field) {
        expect("(");
        List<Object> values = new ArrayList<>();
        do {
            values.add(literal(field));
        } while (accept(","));
        expect(")");
        return values;
    }

    /** A literal converted to the field's type, with Salesforce's complaint when it can't be. */
    private Object literal(FieldDef field) {
        Token t = next();
        if (t.is("NULL")) {
            return null;
        }
        String typeName = switch (field.type()) {
            case DATETIME -> "dateTime";
            case DATE -> "date";
            case BOOLEAN -> "boolean";
            case DOUBLE -> "double";
            case INT -> "int";
            default -> "string";
        };
        if (t.kind == Kind.STRING) {
            if (!typeName.equals("string") && field.type() != FieldType.ANYTYPE) {
                throw SoqlException.at("INVALID_FIELD", query, t.offset, "value of filter criterion for field '"
                        + field.name() + "' must be of type " + typeName + " and should not be enclosed in quotes");
            }
            if (field.type().isId()) {
                return SalesforceIds.normalize(t.text).orElse(t.text);
            }
            return t.text;
        }
        if (t.kind == Kind.IDENT && (t.is("TRUE") || t.is("FALSE")) && field.type() == FieldType.BOOLEAN) {
            return Boolean.valueOf(t.text.toLowerCase(Locale.ROOT));
        }
        if (t.kind == Kind.LITERAL) {
            try {
                switch (field.type()) {
                    case DATETIME -> {
                        if (DATETIME.matcher(t.text).matches()) {
                            return parseDateTime(t.text);
                        }
                    }
                    case DATE -> {
                        if (DATE.matcher(t.text).matches()) {
                            return LocalDate.parse(t.text);
                        }
                    }
                    case DOUBLE -> {
                        if (NUMBER.matcher(t.text).matches()) {
                            return Double.valueOf(t.text);
                        }
                    }
                    case INT -> {
                        if (NUMBER.matcher(t.text).matches()) {
                            return (int) Double.parseDouble(t.text);
                        }
                    }
                    default -> {
                    }
                }
            } catch (DateTimeParseException | NumberFormatException e) {
                throw SoqlException.at("MALFORMED_QUERY", query, t.offset, "line 1:" + t.offset
                        + " no viable alternative at character '" + t.text.charAt(0) + "'");
            }
            throw SoqlException.at("INVALID_FIELD", query, t.offset, "value of filter criterion for field '"
                    + field.name() + "' must be of type " + typeName
                    + (typeName.equals("string") ? " and should be enclosed in quotes" : ""));
        }
        throw unexpected(t);
    }

    private static Instant parseDateTime(String text) {
        String t = text.matches(".*[+-]\\d{4}$") ? text.substring(0, text.length() - 2) + ":"
                + text.substring(text.length() - 2) : text;
        return OffsetDateTime.parse(t).toInstant();
    }

    private FieldDef resolve(SObjectDef object, Token t) {
        if (t.text.contains(".")) {
            String relationship = t.text.substring(0, t.text.indexOf('.'));
            throw SoqlException.at("INVALID_FIELD", query, t.offset, "Didn't understand relationship '"
                    + relationship + "' in field path. If you are attempting to use a custom relationship, be sure "
                    + "to append the '__r' after the custom relationship name. Please reference your WSDL or the "
                    + "describe call for the appropriate names.");
        }
        return object.field(t.text).orElseThrow(() -> SoqlException.at("INVALID_FIELD", query, t.offset,
                OrgStore.noSuchColumn(t.text, object.name())));
    }

    // ------------------------------------------------------------------ tokens

    private Token identifier() {
        Token t = next();
        if (t.kind != Kind.IDENT || isKeyword(t.text)) {
            throw unexpected(t);
        }
        return t;
    }

    private static boolean isKeyword(String s) {
        return switch (s.toUpperCase(Locale.ROOT)) {
            case "SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "LIKE", "ORDER", "BY", "LIMIT", "ASC", "DESC",
                 "NULLS", "NULL", "TRUE", "FALSE" -> true;
            default -> false;
        };
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.kind != Kind.EOF) {
            pos++;
        }
        return t;
    }

    private boolean accept(String keyword) {
        if (peek().is(keyword)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(String keyword) {
        Token t = next();
        if (!t.is(keyword)) {
            throw unexpected(t);
        }
    }

    private SoqlException unexpected(Token t) {
        if (t.kind == Kind.EOF) {
            return SoqlException.at("MALFORMED_QUERY", query, Math.max(0, query.length() - 1),
                    "unexpected token: <EOF>");
        }
        return SoqlException.at("MALFORMED_QUERY", query, t.offset, "unexpected token: '" + t.text + "'");
    }

    private List<Token> lex(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                StringBuilder sb = new StringBuilder();
                int start = i++;
                boolean closed = false;
                while (i < s.length()) {
                    char d = s.charAt(i++);
                    if (d == '\\' && i < s.length()) {
                        char e = s.charAt(i++);
                        sb.append(switch (e) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            case 'r' -> '\r';
                            default -> e;
                        });
                    } else if (d == '\'') {
                        closed = true;
                        break;
                    } else {
                        sb.append(d);
                    }
                }
                if (!closed) {
                    throw SoqlException.at("MALFORMED_QUERY", s, start, "unterminated string literal");
                }
                out.add(new Token(Kind.STRING, sb.toString(), start));
            } else if (Character.isDigit(c) || (c == '-' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                Matcher m = DATETIME.matcher(s).region(i, s.length());
                Matcher d = DATE.matcher(s).region(i, s.length());
                Matcher n = NUMBER.matcher(s).region(i, s.length());
                int end = m.lookingAt() ? m.end() : d.lookingAt() ? d.end() : n.lookingAt() ? n.end() : i + 1;
                out.add(new Token(Kind.LITERAL, s.substring(i, end), i));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_'
                        || s.charAt(i) == '.')) {
                    i++;
                }
                out.add(new Token(Kind.IDENT, s.substring(start, i), start));
            } else if ((c == '!' || c == '<' || c == '>') && i + 1 < s.length()
                    && (s.charAt(i + 1) == '=' || (c == '<' && s.charAt(i + 1) == '>'))) {
                out.add(new Token(Kind.SYMBOL, s.substring(i, i + 2), i));
                i += 2;
            } else if ("=<>(),".indexOf(c) >= 0) {
                out.add(new Token(Kind.SYMBOL, String.valueOf(c), i));
                i++;
            } else {
                throw SoqlException.at("MALFORMED_QUERY", s, i, "line 1:" + i + " no viable alternative at character '"
                        + c + "'");
            }
        }
        out.add(new Token(Kind.EOF, "", s.length()));
        return out;
    }
}

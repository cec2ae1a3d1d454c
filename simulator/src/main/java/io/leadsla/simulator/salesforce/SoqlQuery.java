package io.leadsla.simulator.salesforce;

import java.util.List;

/**
 * A parsed query of the supported subset: {@code SELECT f, … | COUNT() FROM Object [WHERE …] [ORDER BY …]
 * [LIMIT n]}. Field references are resolved against the schema while parsing, so execution can't meet an
 * unknown field.
 */
record SoqlQuery(SObjectDef object, List<FieldDef> fields, boolean countOnly, Condition where,
                 List<Order> orderBy, Integer limit) {

    /** A WHERE clause node. */
    sealed interface Condition permits Comparison, InList, And, Or, Not {
    }

    enum Op { EQ, NE, LT, LE, GT, GE, LIKE }

    /** {@code field op value}; value is typed for the field (null for {@code = null}). */
    record Comparison(FieldDef field, Op op, Object value) implements Condition {
    }

    record InList(FieldDef field, List<Object> values, boolean negated) implements Condition {
    }

    record And(List<Condition> parts) implements Condition {
    }

    record Or(List<Condition> parts) implements Condition {
    }

    record Not(Condition inner) implements Condition {
    }

    /** One ORDER BY item; {@code nullsFirst} defaults to true for ASC and false for DESC. */
    record Order(FieldDef field, boolean descending, boolean nullsFirst) {
    }
}

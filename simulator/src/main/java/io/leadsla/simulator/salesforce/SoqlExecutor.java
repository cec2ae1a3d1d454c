package io.leadsla.simulator.salesforce;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Runs a parsed query over the live (not deleted) records of its object. Semantics follow SOQL where it
 * differs from SQL: text comparisons ignore case, {@code !=} and {@code NOT IN} match empty fields, ids match
 * in 15- or 18-character form, ASC sorts empty values first and DESC last unless NULLS says otherwise.
 * Without ORDER BY records come in creation order.
 */
final class SoqlExecutor {
    private final OrgStore store;

    SoqlExecutor(OrgStore store) {
        this.store = store;
    }

    List<RecordSnapshot> execute(SoqlQuery q) {
        List<RecordSnapshot> out = new ArrayList<>();
        for (RecordSnapshot r : store.live(q.object().name())) {
            if (q.where() == null || matches(q.where(), r)) {
                out.add(r);
            }
        }
        if (!q.orderBy().isEmpty()) {
            out.sort(comparator(q.orderBy()));
        }
        if (q.limit() != null && out.size() > q.limit()) {
            return new ArrayList<>(out.subList(0, q.limit()));
        }
        return out;
    }

    private static Comparator<RecordSnapshot> comparator(List<SoqlQuery.Order> order) {
        Comparator<RecordSnapshot> c = (a, b) -> 0;
        for (SoqlQuery.Order o : order) {
            String name = o.field().name();
            c = c.thenComparing((a, b) -> {
                Object va = a.get(name);
                Object vb = b.get(name);
                if (va == null || vb == null) {
                    if (va == vb) {
                        return 0;
                    }
                    return (va == null) == o.nullsFirst() ? -1 : 1;
                }
                int cmp = Values.compare(va, vb);
                return o.descending() ? -cmp : cmp;
            });
        }
        return c;
    }

    private boolean matches(SoqlQuery.Condition c, RecordSnapshot r) {
        if (c instanceof SoqlQuery.And and) {
            return and.parts().stream().allMatch(p -> matches(p, r));
        }
        if (c instanceof SoqlQuery.Or or) {
            return or.parts().stream().anyMatch(p -> matches(p, r));
        }
        if (c instanceof SoqlQuery.Not not) {
            return !matches(not.inner(), r);
        }
        if (c instanceof SoqlQuery.InList in) {
            Object actual = r.get(in.field().name());
            boolean any = in.values().stream().anyMatch(v -> equal(actual, v));
            return in.negated() != any;
        }
        SoqlQuery.Comparison cmp = (SoqlQuery.Comparison) c;
        Object actual = r.get(cmp.field().name());
        Object expected = cmp.value();
        return switch (cmp.op()) {
            case EQ -> equal(actual, expected);
            case NE -> !equal(actual, expected);
            case LIKE -> actual != null && like(Values.format(actual), String.valueOf(expected));
            default -> {
                if (actual == null || expected == null) {
                    yield false;
                }
                int order = Values.compare(actual, expected);
                yield switch (cmp.op()) {
                    case LT -> order < 0;
                    case LE -> order <= 0;
                    case GT -> order > 0;
                    default -> order >= 0;
                };
            }
        };
    }

    private static boolean equal(Object actual, Object expected) {
        if (actual == null || expected == null) {
            return actual == expected;
        }
        return Values.compare(actual, expected) == 0;
    }

    private static boolean like(String value, String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char ch : pattern.toCharArray()) {
            switch (ch) {
                case '%' -> regex.append(".*");
                case '_' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL)
                .matcher(value.toLowerCase(Locale.ROOT)).matches();
    }
}

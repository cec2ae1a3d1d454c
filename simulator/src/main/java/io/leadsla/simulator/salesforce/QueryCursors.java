package io.leadsla.simulator.salesforce;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Server-side query cursors behind queryLocators ({@code <cursor id>-<offset>}, e.g.
 * {@code 01g5g0000000001AAA-500}). A cursor holds the result as it was when the query ran, like Salesforce's;
 * each user keeps at most 10 open, opening an 11th drops the oldest, and a drained cursor is closed.
 */
final class QueryCursors {
    private static final int MAX_OPEN_PER_USER = 10;

    record Cursor(String id, String userId, String operation, List<RecordSnapshot> rows, List<FieldDef> fields) {
    }

    private final SalesforceIds ids;
    private final Map<String, Cursor> open = new HashMap<>();
    private final Map<String, Deque<String>> byUser = new HashMap<>();

    QueryCursors(SalesforceIds ids) {
        this.ids = ids;
    }

    synchronized Cursor open(String userId, String operation, List<RecordSnapshot> rows, List<FieldDef> fields) {
        Cursor c = new Cursor(ids.next("01g"), userId, operation, List.copyOf(rows), fields);
        open.put(c.id(), c);
        Deque<String> mine = byUser.computeIfAbsent(userId, k -> new ArrayDeque<>());
        mine.addLast(c.id());
        while (mine.size() > MAX_OPEN_PER_USER) {
            open.remove(mine.removeFirst());
        }
        return c;
    }

    /** The cursor and offset a locator names, or null if it is unknown, closed or another user's. */
    synchronized Located locate(String locator, String userId) {
        int dash = locator == null ? -1 : locator.lastIndexOf('-');
        if (dash < 0) {
            return null;
        }
        Cursor c = open.get(locator.substring(0, dash));
        if (c == null || !c.userId().equals(userId)) {
            return null;
        }
        try {
            int offset = Integer.parseInt(locator.substring(dash + 1));
            return offset >= 0 && offset <= c.rows().size() ? new Located(c, offset) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    synchronized void close(Cursor c) {
        open.remove(c.id());
        Deque<String> mine = byUser.get(c.userId());
        if (mine != null) {
            mine.remove(c.id());
        }
    }

    record Located(Cursor cursor, int offset) {
    }
}

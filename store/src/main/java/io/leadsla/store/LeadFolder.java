package io.leadsla.store;

import io.leadsla.core.clock.ClockEngine;
import io.leadsla.core.clock.LeadState;
import io.leadsla.core.event.LeadEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The events → clocks step: folds leads whose events changed, and leads whose clocks reach an
 * at-risk or due moment, and stores the result. Each lead is one transaction; a crash in between
 * leaves it stale, to be folded again (folding is a pure function of the stored events).
 */
public final class LeadFolder {

    private final Store store;
    private final ClockEngine engine;
    private final Clock clock;

    public LeadFolder(Store store, ClockEngine engine, Clock clock) {
        this.store = store;
        this.engine = engine;
        this.clock = clock;
    }

    /** Folds up to {@code limit} stale leads; @return how many were folded. */
    public int foldStale(int limit) {
        return fold(store.leads().stale(limit));
    }

    /** Folds up to {@code limit} leads whose next change is due now; @return how many were folded. */
    public int foldDue(int limit) {
        return fold(store.leads().changingBy(clock.instant(), limit));
    }

    private int fold(List<LeadRepository.LeadRow> rows) {
        for (LeadRepository.LeadRow row : rows) {
            Instant now = clock.instant();
            store.jdbi().useTransaction(h -> {
                List<LeadEvent> events = store.events().forLead(h, row.lead());
                if (events.isEmpty()) {
                    return;
                }
                LeadState state = engine.fold(events, now);
                Instant next = state.nextChangeAt();
                for (LeadEvent e : events) { // an event stamped in the future is folded when its time comes
                    if (e.occurredAt().isAfter(now) && (next == null || e.occurredAt().isBefore(next))) {
                        next = e.occurredAt();
                    }
                }
                store.leads().saveFold(h, state, next, row.version(), now);
            });
        }
        return rows.size();
    }
}

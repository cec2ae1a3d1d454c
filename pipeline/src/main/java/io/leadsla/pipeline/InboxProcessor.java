package io.leadsla.pipeline;

import io.leadsla.connector.api.Normalizer;
import io.leadsla.core.event.LeadEvent;
import io.leadsla.store.InboxItem;
import io.leadsla.store.Store;
import io.leadsla.store.StoreException;
import io.leadsla.store.StoreTransaction;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbox → events step. Claims waiting inbox items, has each source's connector normalize them,
 * and stores the events and marks the items processed in the same transaction: a crash before the
 * commit leaves the items waiting and no event stored; after it, both are done. Events carry
 * stable ids, so an item normalized again after a crash stores nothing twice.
 */
public final class InboxProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(InboxProcessor.class);

    private final Store store;
    private final Map<String, Normalizer> normalizers = new HashMap<>();
    private final Clock clock;
    private final LeadFolder.Checkpoint checkpoint;

    public InboxProcessor(Store store, Collection<? extends Normalizer> normalizers, Clock clock) {
        this(store, normalizers, clock, LeadFolder.Checkpoint.NONE);
    }

    InboxProcessor(Store store, Collection<? extends Normalizer> normalizers, Clock clock, LeadFolder.Checkpoint checkpoint) {
        this.store = store;
        for (Normalizer n : normalizers) {
            if (this.normalizers.put(n.source(), n) != null) {
                throw new IllegalArgumentException("two normalizers for inbox source " + n.source());
            }
        }
        this.clock = clock;
        this.checkpoint = checkpoint;
    }

    /** Result of one round: items read, items set aside, new events stored. */
    public record Round(int items, int setAside, int newEvents) {
    }

    /**
     * Normalizes up to {@code limit} waiting items in one transaction. Should the store refuse the
     * batch (an event it cannot hold: an id too long, an instant out of range), the items are done
     * one by one and the one the store refuses is set aside, so that one item never blocks the inbox.
     */
    public Round processPending(int limit) {
        try {
            return store.inTransaction(tx -> process(tx, tx.claimInbox(normalizers.keySet(), limit)));
        } catch (StoreException e) {
            LOG.warn("an inbox batch could not be stored ({}); trying its items one by one", e.toString());
            List<InboxItem> items = store.inbox().pending(normalizers.keySet(), limit);
            int done = 0;
            int setAside = 0;
            int stored = 0;
            for (InboxItem item : items) {
                try {
                    Round one = store.inTransaction(tx -> process(tx, tx.claimInboxItem(item.id())));
                    done += one.items();
                    setAside += one.setAside();
                    stored += one.newEvents();
                } catch (StoreException refused) {
                    LOG.warn("inbox item {} ({} {}) set aside: the store refused its events: {}", item.id(), item.source(),
                            item.dedupKey(), refused.toString());
                    store.inbox().markFailed(item.id(), "the store refused its events: " + refused.getMessage(), clock.instant());
                    done++;
                    setAside++;
                }
            }
            return new Round(done, setAside, stored);
        }
    }

    private Round process(StoreTransaction tx, List<InboxItem> items) {
        Instant now = clock.instant();
        List<LeadEvent> events = new ArrayList<>();
        int setAside = 0;
        for (InboxItem item : items) {
            Normalizer normalizer = normalizers.get(item.source());
            String error;
            try {
                events.addAll(normalizer.normalize(item.body()));
                tx.markProcessed(item.id(), now);
                continue;
            } catch (RuntimeException e) {
                // a connector that cannot read a body will not read it on a retry either:
                // set it aside (kept, with the reason) instead of blocking the line
                error = e.getMessage() == null ? e.toString() : e.getMessage();
            }
            LOG.warn("inbox item {} ({} {}) set aside: {}", item.id(), item.source(), item.dedupKey(), error);
            tx.markFailed(item.id(), error, now);
            setAside++;
        }
        checkpoint.reached("items-normalized");
        int stored = events.isEmpty() ? 0 : tx.appendEvents(events, now);
        checkpoint.reached("events-stored");
        if (setAside > 0) {
            int aside = setAside; // counted once the transaction commits: a rolled-back batch is redone
            tx.afterCommit(() -> store.counts().setAside(aside));
        }
        return new Round(items.size(), setAside, stored);
    }
}

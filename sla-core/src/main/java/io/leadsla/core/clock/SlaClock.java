package io.leadsla.core.clock;

import io.leadsla.core.event.EventType;
import io.leadsla.core.event.LeadKey;
import java.time.Instant;
import java.util.List;

/**
 * One policy's clock for one lead and cycle, as it stands at a given "now".
 *
 * @param cycle                  1 for the lead's first MQL, 2 after a recycle and a new MQL, …
 * @param tier                   the lead's tier when the clock started
 * @param calendar               the business calendar the clock runs on
 * @param policyVersion          the policy set's version this clock ran under
 * @param dueAt                  deadline; {@code null} for the quality check, which has none
 * @param atRiskAt               when it turns (or turned) AT_RISK; {@code null} without a deadline
 * @param stoppedAt              when it closed; {@code null} while open
 * @param breachedAt             the due time, once passed while the clock was open; else {@code null}
 * @param businessMinutesElapsed business minutes on {@code calendar} from start to stop (or now)
 * @param stoppedBy              the event type that closed it; {@code null} while open
 * @param attempts               person-made contact attempts counted so far (attempts clock)
 * @param missingAttributes      required data absent at handoff (quality clock), else empty
 */
public record SlaClock(
        LeadKey lead,
        String policyId,
        ClockKind kind,
        int cycle,
        String tier,
        String calendar,
        String policyVersion,
        ClockStatus status,
        Instant startedAt,
        Instant dueAt,
        Instant atRiskAt,
        Instant stoppedAt,
        Instant breachedAt,
        long businessMinutesElapsed,
        EventType stoppedBy,
        int attempts,
        List<String> missingAttributes) {

    public SlaClock {
        missingAttributes = List.copyOf(missingAttributes);
    }
}

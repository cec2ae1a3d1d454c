package io.leadsla.core.policy;

import java.util.List;
import java.util.Objects;

/**
 * One commitment of the Marketing → Sales SLA. Each kind of policy (but volume, which is a
 * monthly count) runs its own clock per lead and cycle.
 */
public sealed interface Policy {

    String id();

    /** Shared settings of the policies that run a clock on each lead. */
    sealed interface Clocked extends Policy {
        TieredTarget target();

        CalendarSelector calendar();

        /** Share of the target after which an open clock is AT_RISK (e.g. 0.75). */
        double atRisk();
    }

    private static void check(String id, double atRisk) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a policy needs an id");
        }
        if (!(atRisk > 0 && atRisk <= 1)) {
            throw new IllegalArgumentException("atRisk must be a share in (0, 1]: " + atRisk);
        }
    }

    /** Marketing's handoff: MQL → handed to a sales owner within the target (tier as at MQL). */
    record Handoff(String id, TieredTarget target, CalendarSelector calendar, double atRisk) implements Clocked {
        public Handoff {
            check(id, atRisk);
        }
    }

    /**
     * MQL quality: the required attributes are present (non-blank) at handoff. Its clock runs from
     * MQL to handoff and closes MET when complete, MISSED when data is missing.
     */
    record Quality(String id, List<String> required) implements Policy {
        public Quality {
            check(id, 1);
            required = List.copyOf(required);
            if (required.isEmpty()) {
                throw new IllegalArgumentException("a quality policy needs at least one required attribute");
            }
        }
    }

    /**
     * Sales' first contact: handoff → first attempt by a person within the tier's target. A
     * disposition also stops it. An owner change restarts it only when {@code restartOnOwnerChange}.
     */
    record FirstContact(String id, TieredTarget target, CalendarSelector calendar, double atRisk,
                        boolean restartOnOwnerChange) implements Clocked {
        public FirstContact {
            check(id, atRisk);
        }
    }

    /** At least {@code minAttempts} attempts within the target of handoff, unless a disposition came first. */
    record Attempts(String id, int minAttempts, TieredTarget target, CalendarSelector calendar, double atRisk)
            implements Clocked {
        public Attempts {
            check(id, atRisk);
            if (minAttempts < 1) {
                throw new IllegalArgumentException("minAttempts must be at least 1");
            }
        }
    }

    /** Accepted (SQL) or rejected within the target of handoff. */
    record Disposition(String id, TieredTarget target, CalendarSelector calendar, double atRisk) implements Clocked {
        public Disposition {
            check(id, atRisk);
        }
    }

    /**
     * A rejection must carry a reason: a rejection without one starts this clock, which stops when
     * the reason is recorded. Its start is the moment to ask the owner for the reason.
     */
    record RejectionReason(String id, TieredTarget target, CalendarSelector calendar, double atRisk)
            implements Clocked {
        public RejectionReason {
            check(id, atRisk);
        }
    }

    /** Marketing's monthly MQL volume against its commitment; months in {@code calendar}'s zone. */
    record Volume(String id, int monthlyCommitment, String calendar) implements Policy {
        public Volume {
            check(id, 1);
            Objects.requireNonNull(calendar, "calendar");
            if (monthlyCommitment < 0) {
                throw new IllegalArgumentException("monthlyCommitment must not be negative");
            }
        }
    }
}

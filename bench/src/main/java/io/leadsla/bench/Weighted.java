package io.leadsla.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A fixed weighted choice among a few values. Weights are relative (they need not sum to 1), so
 * the tables in the generator read as the shares they model, e.g. {@code "Demo Request", 12}.
 */
final class Weighted<T> {

    private final List<T> values;
    private final double[] cumulative;

    private Weighted(List<T> values, double[] cumulative) {
        this.values = values;
        this.cumulative = cumulative;
    }

    /** Alternating value, weight pairs: {@code of("call", 55, "email", 30)}. */
    @SuppressWarnings("unchecked")
    static <T> Weighted<T> of(Object... valueWeightPairs) {
        if (valueWeightPairs.length == 0 || valueWeightPairs.length % 2 != 0) {
            throw new IllegalArgumentException("expected value, weight pairs");
        }
        List<T> values = new ArrayList<>();
        double[] cumulative = new double[valueWeightPairs.length / 2];
        double sum = 0;
        for (int i = 0; i < valueWeightPairs.length; i += 2) {
            double weight = ((Number) valueWeightPairs[i + 1]).doubleValue();
            if (!(weight > 0)) {
                throw new IllegalArgumentException("weights must be positive: " + valueWeightPairs[i]);
            }
            sum += weight;
            values.add((T) valueWeightPairs[i]);
            cumulative[i / 2] = sum;
        }
        return new Weighted<>(List.copyOf(values), cumulative);
    }

    static <T> Weighted<T> of(List<T> values, List<? extends Number> weights) {
        Object[] pairs = new Object[values.size() * 2];
        for (int i = 0; i < values.size(); i++) {
            pairs[2 * i] = values.get(i);
            pairs[2 * i + 1] = weights.get(i);
        }
        return of(pairs);
    }

    T pick(SplittableRandom rng) {
        double u = rng.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return values.get(i);
            }
        }
        return values.get(values.size() - 1); // u rounded up to the total
    }

    List<T> values() {
        return values;
    }
}

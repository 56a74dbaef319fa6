package dev.custommodels.testkit.emulator;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/** Decides, request by request, whether to inject a fault. Plans are thread-safe. */
@FunctionalInterface
public interface FaultPlan {

    /**
     * Decides for one request.
     *
     * @param request the request
     * @return the fault to inject, or empty to let the service answer
     */
    Optional<Fault> next(EmulatorRequest request);

    /**
     * Injects a fault with a fixed probability, from a seeded random source.
     *
     * @param seed the seed, for repeatable runs
     * @param probability the probability in [0, 1]
     * @param fault the fault
     * @return the plan
     */
    static FaultPlan rate(long seed, double probability, Fault fault) {
        return mix(seed, Map.of(fault, probability));
    }

    /**
     * Injects one of several faults, each with its probability (their sum at most 1), from a seeded random source.
     *
     * @param seed the seed
     * @param probabilities the faults and their probabilities
     * @return the plan
     */
    static FaultPlan mix(long seed, Map<Fault, Double> probabilities) {
        Map<Fault, Double> copy = new LinkedHashMap<>(probabilities);
        double sum = copy.values().stream().mapToDouble(Double::doubleValue).sum();
        if (sum > 1.0 + 1e-9) {
            throw new IllegalArgumentException("Fault probabilities add up to " + sum + ", more than 1.");
        }
        Random random = new Random(seed);
        return request -> {
            double draw;
            synchronized (random) {
                draw = random.nextDouble();
            }
            double acc = 0;
            for (Map.Entry<Fault, Double> e : copy.entrySet()) {
                acc += e.getValue();
                if (draw < acc) {
                    return Optional.of(e.getKey());
                }
            }
            return Optional.empty();
        };
    }

    /**
     * Injects the given faults to the first matching requests, in order, then none; a {@code null} entry lets
     * that request through.
     *
     * @param faults the script
     * @return the plan
     */
    static FaultPlan script(Fault... faults) {
        Deque<Optional<Fault>> queue = new ArrayDeque<>();
        Arrays.stream(faults).forEach(f -> queue.add(Optional.ofNullable(f)));
        return request -> {
            synchronized (queue) {
                Optional<Fault> next = queue.poll();
                return next == null ? Optional.empty() : next;
            }
        };
    }

    /**
     * Injects a fault into every matching request.
     *
     * @param fault the fault
     * @return the plan
     */
    static FaultPlan always(Fault fault) {
        Objects.requireNonNull(fault, "fault");
        return request -> Optional.of(fault);
    }
}

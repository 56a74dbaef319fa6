package dev.custommodels.testkit.emulator;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** The fault rules of an emulator, checked in order; the first rule that injects a fault wins. */
public final class FaultInjector {
    private record Rule(Predicate<EmulatorRequest> which, FaultPlan plan) {
    }

    private final List<Rule> rules = new CopyOnWriteArrayList<>();

    /**
     * Adds a rule for the requests that match.
     *
     * @param which which requests the rule applies to
     * @param plan when to inject what
     * @return this
     */
    public FaultInjector when(Predicate<EmulatorRequest> which, FaultPlan plan) {
        rules.add(new Rule(which, plan));
        return this;
    }

    /**
     * Adds a rule for every request.
     *
     * @param plan when to inject what
     * @return this
     */
    public FaultInjector always(FaultPlan plan) {
        return when(r -> true, plan);
    }

    /**
     * Adds a rule for the requests whose method and path match.
     *
     * @param method the HTTP method
     * @param pathRegex a regular expression the whole path must match
     * @param plan when to inject what
     * @return this
     */
    public FaultInjector on(String method, String pathRegex, FaultPlan plan) {
        return when(r -> r.method().equalsIgnoreCase(method) && r.path().matches(pathRegex), plan);
    }

    /** Removes every rule. */
    public void clear() {
        rules.clear();
    }

    Optional<Fault> next(EmulatorRequest request) {
        for (Rule rule : rules) {
            if (rule.which().test(request)) {
                Optional<Fault> fault = rule.plan().next(request);
                if (fault.isPresent()) {
                    return fault;
                }
            }
        }
        return Optional.empty();
    }
}

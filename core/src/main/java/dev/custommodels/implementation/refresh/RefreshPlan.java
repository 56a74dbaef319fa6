package dev.custommodels.implementation.refresh;

import java.util.List;
import java.util.Objects;

/**
 * The order in which a refresh runs its workflows: each step comes after the steps that write its input
 * entities.
 *
 * @param steps the steps in order
 * @param warnings things that do not stop the refresh, such as two workflows writing one entity
 */
public record RefreshPlan(List<Step> steps, List<String> warnings) {

    /** Copies the lists. */
    public RefreshPlan {
        steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
        warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings"));
    }

    /**
     * Returns the workflow ids in planned order.
     *
     * @return the ids
     */
    public List<String> order() {
        return steps.stream().map(s -> s.node().id()).toList();
    }

    /**
     * One workflow of the plan.
     *
     * @param node the workflow
     * @param upstream the links to the workflows that write its input entities, in the order of its inputs
     * @param blockedReason why it cannot run at all (it is part of a dependency cycle), or {@code null}
     */
    public record Step(WorkflowNode node, List<Upstream> upstream, String blockedReason) {

        /** Copies the list. */
        public Step {
            Objects.requireNonNull(node, "node");
            upstream = List.copyOf(Objects.requireNonNull(upstream, "upstream"));
        }

        /**
         * Returns the ids of the upstream workflows, without repeats.
         *
         * @return the ids
         */
        public List<String> dependsOn() {
            return upstream.stream().map(u -> u.workflow().id()).distinct().toList();
        }
    }

    /**
     * A link from a workflow to one that writes an entity it reads.
     *
     * @param workflow the upstream workflow
     * @param entity the entity it writes and the downstream workflow reads
     */
    public record Upstream(WorkflowNode workflow, String entity) {

        /** Checks that both parts are present. */
        public Upstream {
            Objects.requireNonNull(workflow, "workflow");
            Objects.requireNonNull(entity, "entity");
        }
    }
}

package dev.custommodels.implementation.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custommodels.fakes.SampleEntities;
import dev.custommodels.implementation.refresh.RefreshPlan.Step;
import dev.custommodels.models.FieldBinding;
import dev.custommodels.models.InputBinding;
import dev.custommodels.models.OutputSettings;
import dev.custommodels.models.ServiceContract;
import dev.custommodels.models.Workflow;
import dev.custommodels.models.WorkflowDefinition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RefreshPlannerTest {

    static WorkflowNode node(String id, String output, String... inputs) {
        return new WorkflowNode(id, null, List.of(inputs), output);
    }

    @Test
    void aWorkflowRunsAfterTheWorkflowThatWritesItsInput() {
        RefreshPlan plan = RefreshPlanner.plan(List.of(
                node("c-segment", "Segments", "ChurnScores", "Customer"),
                node("b-churn", "ChurnScores", "Customer"),
                node("a-ltv", "Ltv", "Segments")));
        assertThat(plan.order()).containsExactly("b-churn", "c-segment", "a-ltv");
        assertThat(plan.steps().get(1).dependsOn()).containsExactly("b-churn");
        assertThat(plan.steps().get(1).upstream().get(0).entity()).isEqualTo("ChurnScores");
        assertThat(plan.steps()).allSatisfy(s -> assertThat(s.blockedReason()).isNull());
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void independentWorkflowsKeepTheirListedOrder() {
        RefreshPlan plan = RefreshPlanner.plan(List.of(
                node("w1", "E1", "Customer"), node("w2", "E2", "Contact"), node("w3", "E3", "Customer")));
        assertThat(plan.order()).containsExactly("w1", "w2", "w3");
    }

    @Test
    void aDiamondRunsTheJoinLastAndSiblingsInListedOrder() {
        RefreshPlan plan = RefreshPlanner.plan(List.of(
                node("join", "Final", "Left", "Right"),
                node("right", "Right", "Base"),
                node("left", "Left", "Base"),
                node("base", "Base", "Customer")));
        assertThat(plan.order()).containsExactly("base", "right", "left", "join");
        assertThat(plan.steps().get(3).dependsOn()).containsExactly("left", "right");
    }

    @Test
    void entityNamesMatchWithoutRegardToCase() {
        RefreshPlan plan = RefreshPlanner.plan(List.of(
                node("reader", "Out", "churnscores"), node("writer", "ChurnScores", "Customer")));
        assertThat(plan.order()).containsExactly("writer", "reader");
    }

    @Test
    void aTwoWorkflowCycleBlocksBothNamingTheCycleAndTheEntities() {
        RefreshPlan plan = RefreshPlanner.plan(List.of(
                node("a", "X", "Y"), node("b", "Y", "X"), node("c", "Z", "Customer")));
        assertThat(plan.order()).containsExactly("a", "b", "c");
        assertThat(plan.steps().get(0).blockedReason()).isEqualTo("Not run: workflow 'a' is part of a dependency "
                + "cycle 'a' -> 'b' -> 'a' ('a' writes 'X', which 'b' reads; 'b' writes 'Y', which 'a' reads). "
                + "Change the output entity or an input binding of one of them to break the cycle.");
        assertThat(plan.steps().get(1).blockedReason()).contains("cycle 'b' -> 'a' -> 'b'");
        assertThat(plan.steps().get(2).blockedReason()).isNull();
    }

    @Test
    void aWorkflowReadingItsOwnOutputIsACycle() {
        RefreshPlan plan = RefreshPlanner.plan(List.of(
                new WorkflowNode("s1", "Self scoring", List.of("Scores", "Customer"), "Scores")));
        assertThat(plan.steps().get(0).blockedReason()).isEqualTo("Not run: workflow 'Self scoring' (s1) is part "
                + "of a dependency cycle 'Self scoring' (s1) -> 'Self scoring' (s1) ('Self scoring' (s1) writes "
                + "'Scores', which it reads itself). Change the output entity or an input binding of one of them "
                + "to break the cycle.");
    }

    @Test
    void eachCycleMemberNamesAShortestCycleThroughItselfAndDownstreamComesAfter() {
        // a -> b -> c -> a, plus a shortcut c -> b; d reads c's output
        RefreshPlan plan = RefreshPlanner.plan(List.of(
                node("d", "D", "C"),
                node("a", "A", "C"),
                node("b", "B", "A", "C"),
                node("c", "C", "B")));
        assertThat(plan.order()).containsExactly("a", "b", "c", "d");
        assertThat(plan.steps().get(0).blockedReason()).contains("cycle 'a' -> 'b' -> 'c' -> 'a'");
        assertThat(plan.steps().get(1).blockedReason()).contains("cycle 'b' -> 'c' -> 'b'");
        assertThat(plan.steps().get(2).blockedReason()).contains("cycle 'c' -> 'b' -> 'c'");
        assertThat(plan.steps().get(3).blockedReason()).isNull();
        assertThat(plan.steps().get(3).dependsOn()).containsExactly("c");
    }

    @Test
    void findCycleReportsTheFirstCycleOrNothing() {
        assertThat(RefreshPlanner.findCycle(List.of(node("a", "X", "Customer"), node("b", "Y", "X")))).isEmpty();
        assertThat(RefreshPlanner.findCycle(List.of(node("a", "X", "Y"), node("b", "Y", "X"))))
                .hasValueSatisfying(m -> assertThat(m).contains("'a' -> 'b' -> 'a'"));
    }

    @Test
    void twoWritersOfOneEntityAreBothUpstreamAndWarned() {
        RefreshPlan plan = RefreshPlanner.plan(List.of(
                node("reader", "Out", "Scores"), node("w1", "Scores", "Customer"), node("w2", "scores", "Contact")));
        assertThat(plan.order()).containsExactly("w1", "w2", "reader");
        assertThat(plan.steps().get(2).dependsOn()).containsExactly("w1", "w2");
        assertThat(plan.warnings()).containsExactly("Workflows 'w1', 'w2' all write the entity 'Scores'; each "
                + "refresh keeps only the version written last. Give each workflow its own output entity.");
    }

    @Test
    void duplicateIdsAreRejected() {
        assertThatThrownBy(() -> RefreshPlanner.plan(List.of(node("a", "X"), node("a", "Y"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Two workflows share the id 'a'.");
    }

    @Test
    void anEmptyListPlansNothing() {
        assertThat(RefreshPlanner.plan(List.of()).steps()).isEmpty();
    }

    @Test
    void aLongChainIsOrderedWhateverTheListedOrder() {
        List<WorkflowNode> nodes = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            nodes.add(i == 0 ? node("w0000", "E0", "Customer")
                    : node(String.format("w%04d", i), "E" + i, "E" + (i - 1)));
        }
        Collections.shuffle(nodes, new Random(42));
        List<String> order = RefreshPlanner.plan(nodes).order();
        assertThat(order).hasSize(1000).isSorted();
    }

    @Test
    void aNodeOfAWorkflowReadsEveryBoundEntityAndWritesItsOutput() {
        InputBinding customer = new InputBinding("input1", "Customer", List.of(
                FieldBinding.pin("customerId", "CustomerId"),
                new FieldBinding("segment", "Segments", "Segment", 0.9, false)));
        InputBinding contacts = new InputBinding("input2", "Contact", List.of(FieldBinding.pin("phone", "Phone")));
        WorkflowDefinition definition = WorkflowDefinition.of("Churn", SampleEntities.churn("fake"),
                List.of(customer, contacts), OutputSettings.of("ChurnScores"), "customerId");
        Workflow workflow = new Workflow("wf-1", definition, new ServiceContract(List.of(), List.of(), List.of()),
                List.of(), "etag", null, null);
        WorkflowNode node = WorkflowNode.of(workflow);
        assertThat(node).isEqualTo(new WorkflowNode("wf-1", "Churn", List.of("Customer", "Segments", "Contact"),
                "ChurnScores"));
        assertThat(node.label()).isEqualTo("'Churn' (wf-1)");
    }

    @Test
    void nodesNeedAnIdAndAnOutputEntity() {
        assertThatThrownBy(() -> node(" ", "X")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs an id and an output entity");
        assertThatThrownBy(() -> node("a", "")).isInstanceOf(IllegalArgumentException.class);
        assertThat(node("a", "X", "Y", "Y").inputEntities()).containsExactly("Y");
    }

    @Test
    void stepsExposeNoMutableLists() {
        Step step = RefreshPlanner.plan(List.of(node("a", "X"))).steps().get(0);
        assertThatThrownBy(() -> step.upstream().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}

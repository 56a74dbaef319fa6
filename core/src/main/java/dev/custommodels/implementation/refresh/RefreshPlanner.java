package dev.custommodels.implementation.refresh;

import dev.custommodels.implementation.refresh.RefreshPlan.Step;
import dev.custommodels.implementation.refresh.RefreshPlan.Upstream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Orders workflows for a refresh so that a workflow runs after every workflow that writes one of its input
 * entities. Entity names are compared without regard to case. Among workflows free to run, the one listed first
 * goes first, so the order is stable.
 *
 * <p>Workflows on a dependency cycle cannot be ordered: each gets a blocked reason naming a cycle through it, and
 * the workflows downstream of a cycle come after it in the plan (the runner skips them). Stateless.
 */
public final class RefreshPlanner {

    private RefreshPlanner() {
    }

    /**
     * Plans a refresh.
     *
     * @param nodes the workflows, in a stable order (such as by id)
     * @return the plan
     * @throws IllegalArgumentException if two nodes share an id
     */
    public static RefreshPlan plan(List<WorkflowNode> nodes) {
        Graph graph = new Graph(List.copyOf(nodes));
        List<Step> steps = new ArrayList<>();
        for (List<Integer> component : graph.componentsInOrder()) {
            boolean cyclic = component.size() > 1 || graph.readsItself(component.get(0));
            for (int i : component) {
                steps.add(new Step(graph.nodes.get(i), graph.upstream.get(i), cyclic ? graph.cycleMessage(i) : null));
            }
        }
        return new RefreshPlan(steps, graph.warnings);
    }

    /**
     * Looks for a dependency cycle, for example to refuse saving a workflow that would close one.
     *
     * @param nodes the workflows
     * @return a message naming a cycle and the entities that link it, or empty when there is none
     * @throws IllegalArgumentException if two nodes share an id
     */
    public static Optional<String> findCycle(List<WorkflowNode> nodes) {
        return plan(nodes).steps().stream().map(Step::blockedReason).filter(r -> r != null).findFirst();
    }

    /** The workflows as a graph from writer to reader, with its strongly connected components. */
    private static final class Graph {
        private final List<WorkflowNode> nodes;
        private final List<List<Upstream>> upstream = new ArrayList<>();
        private final List<List<Integer>> downstream = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private final Map<String, Integer> indexById = new HashMap<>();

        Graph(List<WorkflowNode> nodes) {
            this.nodes = nodes;
            Map<String, List<Integer>> writers = new LinkedHashMap<>();
            for (int i = 0; i < nodes.size(); i++) {
                WorkflowNode node = nodes.get(i);
                Integer previous = indexById.put(node.id(), i);
                if (previous != null) {
                    throw new IllegalArgumentException("Two workflows share the id '" + node.id() + "'.");
                }
                writers.computeIfAbsent(key(node.outputEntity()), k -> new ArrayList<>()).add(i);
                downstream.add(new ArrayList<>());
            }
            writers.values().stream().filter(w -> w.size() > 1).forEach(w -> warnings.add("Workflows "
                    + w.stream().map(i -> nodes.get(i).label()).collect(Collectors.joining(", "))
                    + " all write the entity '" + nodes.get(w.get(0)).outputEntity() + "'; each refresh keeps "
                    + "only the version written last. Give each workflow its own output entity."));
            for (int i = 0; i < nodes.size(); i++) {
                List<Upstream> links = new ArrayList<>();
                Set<Integer> seen = new HashSet<>();
                for (String entity : nodes.get(i).inputEntities()) {
                    for (int w : writers.getOrDefault(key(entity), List.of())) {
                        links.add(new Upstream(nodes.get(w), nodes.get(w).outputEntity()));
                        if (seen.add(w)) {
                            downstream.get(w).add(i);
                        }
                    }
                }
                upstream.add(links);
            }
        }

        private static String key(String entity) {
            return entity.toLowerCase(Locale.ROOT);
        }

        boolean readsItself(int i) {
            return downstream.get(i).contains(i);
        }

        /** Tarjan's components, then Kahn's order over them, the component holding the first-listed node first. */
        List<List<Integer>> componentsInOrder() {
            int[] component = new Tarjan(downstream).run();
            int count = Arrays.stream(component).max().orElse(-1) + 1;
            List<List<Integer>> members = new ArrayList<>();
            for (int c = 0; c < count; c++) {
                members.add(new ArrayList<>());
            }
            for (int i = 0; i < nodes.size(); i++) {
                members.get(component[i]).add(i);
            }
            int[] inDegree = new int[count];
            for (int u = 0; u < nodes.size(); u++) {
                for (int v : downstream.get(u)) {
                    if (component[u] != component[v]) {
                        inDegree[component[v]]++;
                    }
                }
            }
            PriorityQueue<Integer> ready = new PriorityQueue<>(Comparator.comparing(c -> members.get(c).get(0)));
            for (int c = 0; c < count; c++) {
                if (inDegree[c] == 0) {
                    ready.add(c);
                }
            }
            List<List<Integer>> order = new ArrayList<>();
            while (!ready.isEmpty()) {
                int c = ready.poll();
                order.add(members.get(c));
                for (int u : members.get(c)) {
                    for (int v : downstream.get(u)) {
                        if (component[v] != c && --inDegree[component[v]] == 0) {
                            ready.add(component[v]);
                        }
                    }
                }
            }
            return order;
        }

        /** Names the shortest cycle through node {@code start} and the entities that link it. */
        String cycleMessage(int start) {
            int[] previous = new int[nodes.size()];
            Arrays.fill(previous, -1);
            Deque<Integer> queue = new ArrayDeque<>(List.of(start));
            int last = -1;
            while (!queue.isEmpty() && last < 0) {
                int u = queue.poll();
                for (int v : downstream.get(u)) {
                    if (v == start) {
                        last = u;
                        break;
                    }
                    if (previous[v] < 0 && v != start) {
                        previous[v] = u;
                        queue.add(v);
                    }
                }
            }
            List<Integer> path = new ArrayList<>();
            for (int u = last; u != start; u = previous[u]) {
                path.add(0, u);
            }
            path.add(0, start);
            return describeCycle(path);
        }

        private String describeCycle(List<Integer> path) {
            StringBuilder chain = new StringBuilder();
            StringBuilder links = new StringBuilder();
            for (int k = 0; k < path.size(); k++) {
                WorkflowNode writer = nodes.get(path.get(k));
                WorkflowNode reader = nodes.get(path.get((k + 1) % path.size()));
                chain.append(writer.label()).append(" -> ");
                links.append(k == 0 ? "" : "; ").append(writer.label()).append(" writes '")
                        .append(writer.outputEntity()).append("', which ")
                        .append(reader == writer ? "it reads itself" : reader.label() + " reads");
            }
            chain.append(nodes.get(path.get(0)).label());
            return "Not run: workflow " + nodes.get(path.get(0)).label() + " is part of a dependency cycle " + chain
                    + " (" + links + "). Change the output entity or an input binding of one of them to break "
                    + "the cycle.";
        }
    }

    /** Tarjan's strongly connected components; components are numbered in reverse topological order. */
    private static final class Tarjan {
        private final List<List<Integer>> edges;
        private final int[] index;
        private final int[] low;
        private final boolean[] onStack;
        private final int[] component;
        private final Deque<Integer> stack = new ArrayDeque<>();
        private int nextIndex;
        private int nextComponent;

        Tarjan(List<List<Integer>> edges) {
            this.edges = edges;
            int n = edges.size();
            index = new int[n];
            low = new int[n];
            onStack = new boolean[n];
            component = new int[n];
            Arrays.fill(index, -1);
        }

        int[] run() {
            for (int v = 0; v < edges.size(); v++) {
                if (index[v] < 0) {
                    visit(v);
                }
            }
            return component;
        }

        private void visit(int v) {
            index[v] = nextIndex;
            low[v] = nextIndex++;
            stack.push(v);
            onStack[v] = true;
            for (int w : edges.get(v)) {
                if (index[w] < 0) {
                    visit(w);
                    low[v] = Math.min(low[v], low[w]);
                } else if (onStack[w]) {
                    low[v] = Math.min(low[v], index[w]);
                }
            }
            if (low[v] == index[v]) {
                int w;
                do {
                    w = stack.pop();
                    onStack[w] = false;
                    component[w] = nextComponent;
                } while (w != v);
                nextComponent++;
            }
        }
    }
}

package dev.custommodels.implementation.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HungarianTest {

    @Test
    void solvesAKnownMatrix() {
        double[][] cost = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
        int[] a = Hungarian.solve(cost);
        assertThat(a).containsExactly(1, 0, 2);
    }

    @Test
    void matchesBruteForceOnRandomMatrices() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rnd.nextInt(6);
            double[][] cost = new double[n][n];
            for (double[] row : cost) {
                for (int j = 0; j < n; j++) {
                    row[j] = rnd.nextInt(20) - 10;
                }
            }
            int[] a = Hungarian.solve(cost);
            assertThat(a).doesNotHaveDuplicates();
            assertThat(total(cost, a)).isEqualTo(bruteForce(cost));
        }
    }

    @Test
    void rejectsBadMatrices() {
        assertThatThrownBy(() -> Hungarian.solve(new double[][] {{1, 2}})).hasMessageContaining("square");
        assertThatThrownBy(() -> Hungarian.solve(new double[][] {{Double.NaN}})).hasMessageContaining("non-finite");
        assertThat(Hungarian.solve(new double[0][0])).isEmpty();
    }

    @Test
    void theAssignerLeavesAFieldUnmappedRatherThanBelowThreshold() {
        List<List<Assigner.Option>> options = new ArrayList<>();
        options.add(List.of(new Assigner.Option(0, 0.9), new Assigner.Option(1, 0.7)));
        options.add(List.of(new Assigner.Option(0, 0.95)));
        options.add(List.of(new Assigner.Option(0, 0.8)));
        options.add(List.of());
        int[] chosen = Assigner.assign(options, 0.6);
        assertThat(chosen).containsExactly(1, 0, -1, -1);
    }

    @Test
    void onEqualScoresTheEarlierFieldWins() {
        List<List<Assigner.Option>> options = List.of(List.of(new Assigner.Option(5, 0.8)),
                List.of(new Assigner.Option(5, 0.8)));
        assertThat(Assigner.assign(options, 0.6)).containsExactly(5, -1);
    }

    private static double total(double[][] cost, int[] a) {
        double t = 0;
        for (int i = 0; i < a.length; i++) {
            t += cost[i][a[i]];
        }
        return t;
    }

    private static double bruteForce(double[][] cost) {
        return permute(cost, 0, new boolean[cost.length]);
    }

    private static double permute(double[][] cost, int row, boolean[] used) {
        if (row == cost.length) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < cost.length; j++) {
            if (!used[j]) {
                used[j] = true;
                best = Math.min(best, cost[row][j] + permute(cost, row + 1, used));
                used[j] = false;
            }
        }
        return best;
    }
}

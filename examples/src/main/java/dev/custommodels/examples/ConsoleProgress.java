package dev.custommodels.examples;

import dev.custommodels.models.RunPhase;
import dev.custommodels.models.RunProgress;
import java.io.PrintStream;
import java.util.List;

/** Draws a run's progress as one console bar per phase. */
final class ConsoleProgress {
    private static final List<RunPhase> PHASES = List.of(RunPhase.EXPORT, RunPhase.SUBMIT, RunPhase.REMOTE,
            RunPhase.COLLECT, RunPhase.RELATE, RunPhase.COMMIT);
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final long expectedRows;
    private RunPhase shown;

    ConsoleProgress(PrintStream out, long expectedRows) {
        this.out = out;
        this.expectedRows = Math.max(1, expectedRows);
    }

    /** Shows one observation; a new phase closes the bar of the previous one. */
    void show(RunProgress progress) {
        RunPhase phase = progress.phase();
        if (shown != null && shown != phase) {
            draw(shown, 1.0, "done");
            out.println();
        }
        shown = phase;
        draw(phase, fraction(progress), detail(progress));
    }

    /** Completes the last bar. */
    void finish() {
        if (shown != null) {
            draw(shown, 1.0, "done");
            out.println();
        }
    }

    private double fraction(RunProgress p) {
        return switch (p.phase()) {
            case EXPORT -> (double) p.exportedRows() / expectedRows;
            case REMOTE -> p.remoteRowsTotal() > 0 ? (double) p.remoteRowsDone() / p.remoteRowsTotal() : 0.5;
            case COLLECT, RELATE, COMMIT -> p.resultRows() > 0 ? 0.5 : 0.1;
            default -> 0.5;
        };
    }

    private static String detail(RunProgress p) {
        return switch (p.phase()) {
            case EXPORT -> p.exportedRows() + " rows";
            case REMOTE -> p.remoteStatus() == null ? "" : "remote status " + p.remoteStatus();
            case COLLECT, RELATE, COMMIT -> p.resultRows() > 0 ? p.resultRows() + " result rows" : "";
            default -> "";
        };
    }

    private void draw(RunPhase phase, double fraction, String detail) {
        int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * WIDTH);
        out.printf("\r  %-8s [%s%s] %3d%% %-28s", phase, "#".repeat(filled), ".".repeat(WIDTH - filled),
                Math.round(Math.max(0, Math.min(1, fraction)) * 100), detail);
        out.flush();
        if (!PHASES.contains(phase)) {
            out.println();
        }
    }
}

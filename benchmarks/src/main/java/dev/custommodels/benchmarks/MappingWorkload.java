package dev.custommodels.benchmarks;

import dev.custommodels.benchmarks.MappingBenchFile.Case;
import dev.custommodels.benchmarks.MappingBenchFile.Truth;
import dev.custommodels.mapping.FieldMapping;
import dev.custommodels.mapping.MappingEngine;
import dev.custommodels.mapping.MappingEngineBuilder;
import dev.custommodels.mapping.MappingProposal;
import dev.custommodels.mapping.MappingStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code mapping <bench.json> [--quiet] [--explain]}: runs the mapping engine on every case of a {@code mapping-bench/1} file
 * against the case's whole catalog and prints precision, recall and F1 (strict and lenient) and must-error recall,
 * per case and in total.
 *
 * <p>A field's prediction is its target when MAPPED or NEEDS_REVIEW (a NEEDS_REVIEW field is shown to the user with
 * its suggestion pre-filled, so it is a prediction), and {@code null} when UNMAPPED. A non-null prediction is right
 * when it is the expected target (strict) or in expected plus also-acceptable (lenient); a wrong non-null
 * prediction is a false positive. A field with an expected target is a false negative when its prediction is not
 * accepted; under lenient scoring a {@code null} prediction is accepted when {@code null} is also acceptable, and
 * then counts neither way. Must-error recall is the share of fields expecting {@code null} that got {@code null}.
 */
public final class MappingWorkload implements Workload {

    @Override
    public String name() {
        return "mapping";
    }

    @Override
    public String usage() {
        return "mapping <bench.json> [--quiet] [--explain]   precision/recall/F1 of the mapping engine on a mapping-bench/1 file";
    }

    @Override
    public void run(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("Usage: " + usage());
        }
        Path file = Path.of(args[0]);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No bench file at " + file + ".");
        }
        List<String> flags = List.of(args).subList(1, args.length);
        boolean quiet = flags.contains("--quiet");
        boolean explain = flags.contains("--explain");
        List<Case> cases = MappingBenchFile.read(file);
        MappingEngine engine = new MappingEngineBuilder().buildEngine();
        System.out.println("Predictions: MAPPED and NEEDS_REVIEW fields count as predictions of their target.");
        List<Tally> perCase = new ArrayList<>();
        Tally total = new Tally();
        for (Case c : cases) {
            MappingProposal p = engine.propose(c.input(), c.catalog());
            Tally t = new Tally();
            List<String> notes = new ArrayList<>();
            for (FieldMapping f : p.fields()) {
                Truth truth = c.truth().get(f.field());
                String pred = f.target() == null ? null : f.target().toString();
                t.add(truth, pred);
                String mark = mark(truth, pred);
                if (!mark.isEmpty() || !quiet) {
                    notes.add(String.format(Locale.ROOT, "    %-4s %-26s -> %-45s %s%s", mark, f.field(),
                            pred == null ? "-" : pred, status(f), truth.expected() == null ? ""
                                    : (truth.expected().equals(pred) ? "" : "  expected " + truth.expected())));
                }
                if (explain && (mark.equals("FP") || mark.equals("FN"))) {
                    f.evidence().forEach(e -> notes.add("           evidence " + e));
                    if (f.runnerUp() != null) {
                        notes.add("           runner-up " + f.runnerUp());
                    }
                    f.nearMisses().forEach(a -> notes.add("           near miss " + a));
                }
            }
            perCase.add(t);
            total.addAll(t);
            System.out.printf(Locale.ROOT, "case %s (entity %s, %d fields)%n  %s%n", c.id(), p.entity(),
                    p.fields().size(), t.summary());
            if (explain) {
                System.out.println("  entities " + p.entities());
            }
            notes.forEach(System.out::println);
        }
        System.out.printf(Locale.ROOT, "total (%d cases, %d fields)%n  %s%n", cases.size(), total.fields,
                total.summary());
        if (cases.size() > 1) {
            leaveOneOut(perCase);
        }
        System.out.printf(Locale.ROOT, "mapping: f1=%.3f precision=%.3f recall=%.3f must_error_recall=%.3f%n",
                total.lenient.f1(), total.lenient.precision(), total.lenient.recall(), total.mustErrorRecall());
    }

    private static void leaveOneOut(List<Tally> perCase) {
        double min = 1;
        double max = 0;
        for (int skip = 0; skip < perCase.size(); skip++) {
            Tally t = new Tally();
            for (int i = 0; i < perCase.size(); i++) {
                if (i != skip) {
                    t.addAll(perCase.get(i));
                }
            }
            min = Math.min(min, t.lenient.f1());
            max = Math.max(max, t.lenient.f1());
        }
        System.out.printf(Locale.ROOT, "leave-one-case-out lenient f1: min %.3f max %.3f%n", min, max);
    }

    private static String status(FieldMapping f) {
        return f.status() == MappingStatus.UNMAPPED ? "" : String.format(Locale.ROOT, "[%s %.2f]",
                f.status() == MappingStatus.MAPPED ? "mapped" : "review", f.confidence());
    }

    private static String mark(Truth t, String pred) {
        if (pred == null) {
            return t.expected() == null ? "" : t.lenient().contains(null) ? "fn~" : "FN";
        }
        if (pred.equals(t.expected())) {
            return "";
        }
        return t.lenient().contains(pred) ? "ok~" : "FP";
    }

    /** Counts for one scoring mode. */
    static final class Counts {
        int tp;
        int fp;
        int fn;
        int recallHits;

        double precision() {
            return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        }

        double recall() {
            return recallHits + fn == 0 ? 0 : (double) recallHits / (recallHits + fn);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        void addAll(Counts o) {
            tp += o.tp;
            fp += o.fp;
            fn += o.fn;
            recallHits += o.recallHits;
        }
    }

    /** Counts of one case or of all. */
    static final class Tally {
        final Counts strict = new Counts();
        final Counts lenient = new Counts();
        int fields;
        int mustError;
        int mustErrorHit;

        void add(Truth t, String pred) {
            fields++;
            count(strict, t.expected(), pred, pred == null ? t.expected() == null : pred.equals(t.expected()),
                    false);
            count(lenient, t.expected(), pred, t.lenient().contains(pred), true);
            if (t.expected() == null) {
                mustError++;
                if (pred == null) {
                    mustErrorHit++;
                }
            }
        }

        private static void count(Counts c, String expected, String pred, boolean accepted, boolean lenient) {
            if (pred != null) {
                if (accepted) {
                    c.tp++;
                } else {
                    c.fp++;
                }
            }
            if (expected != null) {
                if (accepted && pred != null) {
                    c.recallHits++;
                } else if (!(lenient && accepted)) {
                    c.fn++;
                }
            }
        }

        void addAll(Tally o) {
            strict.addAll(o.strict);
            lenient.addAll(o.lenient);
            fields += o.fields;
            mustError += o.mustError;
            mustErrorHit += o.mustErrorHit;
        }

        double mustErrorRecall() {
            return mustError == 0 ? 1 : (double) mustErrorHit / mustError;
        }

        String summary() {
            return String.format(Locale.ROOT, "strict p=%.3f r=%.3f f1=%.3f | lenient p=%.3f r=%.3f f1=%.3f "
                    + "(tp=%d fp=%d fn=%d) | must_error_recall=%.3f (%d/%d)", strict.precision(), strict.recall(),
                    strict.f1(), lenient.precision(), lenient.recall(), lenient.f1(), lenient.tp, lenient.fp,
                    lenient.fn, mustErrorRecall(), mustErrorHit, mustError);
        }
    }
}

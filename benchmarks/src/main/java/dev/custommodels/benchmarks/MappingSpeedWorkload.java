package dev.custommodels.benchmarks;

import dev.custommodels.mapping.MappingEngine;
import dev.custommodels.mapping.MappingEngineBuilder;
import dev.custommodels.mapping.MappingProposal;
import dev.custommodels.mapping.MappingStatus;
import dev.custommodels.models.Attribute;
import dev.custommodels.models.DataType;
import dev.custommodels.models.EntitySchema;
import dev.custommodels.models.ModelField;
import dev.custommodels.models.ModelInput;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * {@code mapping-speed [runs]}: times one proposal of a generated 300-field input against a generated catalog of
 * 50 entities with 200 attributes each (business words in camelCase, display names, numbered instances; fields made
 * from attribute names in snake_case, abbreviated, misspelt or shortened, plus unrelated names). Reports the median
 * and 90th percentile over the measured runs after warm-up, as wall-clock time and as the calling thread's CPU time
 * (the proposal runs on one thread; CPU time is what it costs on one core when the machine is shared). The summary
 * line's {@code median_ms} and {@code p90_ms} are wall-clock for a call that prepares the catalog (a new engine each
 * run); {@code cpu_median_ms} is that call's CPU time and {@code warm_median_ms} the wall-clock time when the engine
 * already prepared an equal catalog.
 */
public final class MappingSpeedWorkload implements Workload {
    private static final String[] WORDS = ("customer account contact order invoice product item price amount "
            + "quantity total discount tax balance credit limit loan payment transaction purchase date time created "
            + "modified start end birth first last middle name full email phone mobile address city state country "
            + "postal code region territory status type category segment score churn value lifetime revenue income "
            + "annual monthly count number id key reference description note channel campaign source medium visit "
            + "session page product brand store location employee manager owner team unit currency rate interest "
            + "fee charge cost margin profit shipping billing delivery return refund review rating comment loyalty "
            + "tier point reward subscription plan renewal contract term tenure age gender marital education job "
            + "title company industry size website device browser platform language culture preferred primary "
            + "secondary home work fax flag active deleted version sequence import external internal average "
            + "minimum maximum frequency recency duration").split(" ");
    private static final DataType[] TYPES = DataType.values();

    @Override
    public String name() {
        return "mapping-speed";
    }

    @Override
    public String usage() {
        return "mapping-speed [runs]   time to propose a 300-field input against 50 entities x 200 attributes";
    }

    @Override
    public void run(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 21;
        Random rnd = new Random(42);
        List<EntitySchema> catalog = catalog(rnd);
        ModelInput input = input(rnd, catalog);
        MappingEngineBuilder builder = new MappingEngineBuilder();
        MappingEngine warm = builder.buildEngine();
        MappingProposal last = null;
        for (int i = 0; i < 8; i++) {
            last = builder.buildEngine().propose(input, catalog);
            warm.propose(input, catalog);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[][] t = new double[4][runs];
        for (int i = 0; i < runs; i++) {
            MappingEngine fresh = builder.buildEngine();
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            last = fresh.propose(input, catalog);
            t[0][i] = (System.nanoTime() - t0) / 1e6;
            t[1][i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
            c0 = threads.getCurrentThreadCpuTime();
            t0 = System.nanoTime();
            warm.propose(input, catalog);
            t[2][i] = (System.nanoTime() - t0) / 1e6;
            t[3][i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        for (double[] row : t) {
            Arrays.sort(row);
        }
        long mapped = last.fields().stream().filter(f -> f.status() != MappingStatus.UNMAPPED).count();
        System.out.printf(Locale.ROOT, "%d fields, %d entities x %d attributes; %d fields got a target; %d runs "
                + "after warm-up; %d processors, load average %.1f%n", input.fields().size(), catalog.size(),
                catalog.get(0).attributes().size(), mapped, runs, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "catalog prepared in the call (new engine): wall median %.1f ms, p90 %.1f ms; "
                + "thread CPU median %.1f ms, p90 %.1f ms%n", t[0][runs / 2], p90(t[0]), t[1][runs / 2], p90(t[1]));
        System.out.printf(Locale.ROOT, "catalog already prepared (same engine, equal catalog): wall median %.1f ms, "
                + "p90 %.1f ms; thread CPU median %.1f ms, p90 %.1f ms%n", t[2][runs / 2], p90(t[2]),
                t[3][runs / 2], p90(t[3]));
        System.out.printf(Locale.ROOT, "mapping-speed: median_ms=%.1f p90_ms=%.1f cpu_median_ms=%.1f "
                + "warm_median_ms=%.1f%n", t[0][runs / 2], p90(t[0]), t[1][runs / 2], t[2][runs / 2]);
    }

    private static double p90(double[] sorted) {
        return sorted[(int) Math.ceil(sorted.length * 0.9) - 1];
    }

    private static List<EntitySchema> catalog(Random rnd) {
        List<EntitySchema> out = new ArrayList<>();
        for (int e = 0; e < 50; e++) {
            String entity = cap(pick(rnd)) + cap(pick(rnd)) + e;
            List<Attribute> attrs = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            attrs.add(new Attribute(entity.substring(0, 1).toLowerCase(Locale.ROOT) + entity.substring(1) + "Id",
                    DataType.STRING, cap(entity)));
            while (attrs.size() < 200) {
                int n = 1 + rnd.nextInt(3);
                StringBuilder name = new StringBuilder(pick(rnd));
                StringBuilder display = new StringBuilder(cap(name.toString()));
                for (int w = 1; w < n; w++) {
                    String word = pick(rnd);
                    name.append(cap(word));
                    display.append(' ').append(cap(word));
                }
                if (rnd.nextInt(8) == 0) {
                    int k = 1 + rnd.nextInt(3);
                    name.append(k);
                    display.append(' ').append(k);
                }
                if (seen.add(name.toString().toLowerCase(Locale.ROOT))) {
                    attrs.add(new Attribute(name.toString(), TYPES[rnd.nextInt(TYPES.length)],
                            rnd.nextBoolean() ? display.toString() : null));
                }
            }
            out.add(new EntitySchema(entity, attrs, attrs.get(0).name()));
        }
        return out;
    }

    private static ModelInput input(Random rnd, List<EntitySchema> catalog) {
        List<ModelField> fields = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (fields.size() < 300) {
            String name;
            DataType type;
            if (rnd.nextInt(10) < 6) {
                EntitySchema e = catalog.get(rnd.nextInt(catalog.size()));
                Attribute a = e.attributes().get(rnd.nextInt(e.attributes().size()));
                name = perturb(rnd, a.name());
                type = a.type();
            } else {
                name = pick(rnd) + "_" + pick(rnd) + (rnd.nextBoolean() ? "_" + pick(rnd) : "");
                type = TYPES[rnd.nextInt(TYPES.length)];
            }
            if (seen.add(name)) {
                fields.add(ModelField.of(name, type));
            }
        }
        return ModelInput.of("input1", fields);
    }

    private static String perturb(Random rnd, String name) {
        String snake = name.replaceAll("(?<=[a-z0-9])(?=[A-Z])", "_").toLowerCase(Locale.ROOT);
        switch (rnd.nextInt(4)) {
            case 0:
                return snake;
            case 1:
                return snake.replace("amount", "amt").replace("quantity", "qty").replace("customer", "cust");
            case 2:
                return snake.length() > 6 ? snake.substring(0, snake.length() - 2) + snake.charAt(snake.length() - 1)
                        : snake;
            default:
                return name.toUpperCase(Locale.ROOT);
        }
    }

    private static String pick(Random rnd) {
        return WORDS[rnd.nextInt(WORDS.length)];
    }

    private static String cap(String w) {
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
}

package dev.custommodels.fakes;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The state of a batch-scoring model service, kept in a directory so that it outlives the process that submitted
 * a job (as a remote service would): one properties file per job, and a log line per submission. Faults are set in
 * memory by the test that owns this instance.
 */
public final class ScoringBackend {
    private final Path dir;
    private final FakeBackend discovery;
    volatile int pollsToFinish = 2;
    volatile String failCode;
    volatile String failMessage;
    volatile Duration retryAfter;
    volatile String idColumn = "customerId";
    volatile int unknownEvery;
    volatile int duplicateEvery;
    volatile boolean findSubmittedSupported = true;
    volatile Runnable afterSubmitPersisted = () -> { };
    volatile Runnable onPoll = () -> { };
    volatile Runnable afterFirstOutputFile = () -> { };

    /**
     * Creates a backend over a state directory, with the sample contracts of {@link FakeBackend}.
     *
     * @param dir the directory, created if needed
     */
    public ScoringBackend(Path dir) {
        this(dir, FakeBackend.withSampleData());
    }

    /**
     * Creates a backend over a state directory and discovery data.
     *
     * @param dir the directory, created if needed
     * @param discovery the workspaces and contracts
     */
    public ScoringBackend(Path dir, FakeBackend discovery) {
        this.dir = dir;
        this.discovery = discovery;
        try {
            Files.createDirectories(dir.resolve("jobs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the discovery data */
    public FakeBackend discovery() {
        return discovery;
    }

    /** @param polls how many polls a job takes to succeed (at least 1) */
    public ScoringBackend pollsToFinish(int polls) {
        this.pollsToFinish = polls;
        return this;
    }

    /** Makes every job fail at its first poll with this service error. */
    public ScoringBackend failJobs(String code, String message) {
        this.failCode = code;
        this.failMessage = message;
        return this;
    }

    /** Makes polls of running jobs ask for this delay. */
    public ScoringBackend retryAfter(Duration delay) {
        this.retryAfter = delay;
        return this;
    }

    /** Names the output's Customer ID column. */
    public ScoringBackend idColumn(String name) {
        this.idColumn = name;
        return this;
    }

    /** Replaces every n-th output ID with one no customer has. */
    public ScoringBackend unknownEvery(int n) {
        this.unknownEvery = n;
        return this;
    }

    /** Writes every n-th output row twice. */
    public ScoringBackend duplicateEvery(int n) {
        this.duplicateEvery = n;
        return this;
    }

    /** Tells whether findSubmitted can find a job by its run. */
    public ScoringBackend findSubmittedSupported(boolean supported) {
        this.findSubmittedSupported = supported;
        return this;
    }

    /** Runs after a submitted job is stored, before submit returns (as a lost response or a crash would). */
    public ScoringBackend afterSubmitPersisted(Runnable hook) {
        this.afterSubmitPersisted = hook;
        return this;
    }

    /** Runs at every poll, before the job's state moves. */
    public ScoringBackend onPoll(Runnable hook) {
        this.onPoll = hook;
        return this;
    }

    /** Runs after collect wrote its first output file. */
    public ScoringBackend afterFirstOutputFile(Runnable hook) {
        this.afterFirstOutputFile = hook;
        return this;
    }

    /**
     * Returns the submissions so far, over every process that used the directory.
     *
     * @return one entry per submit, {@code jobId runId}
     */
    public List<String> submissions() {
        Path log = dir.resolve("submissions.log");
        try {
            return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized String newJob(Properties job) {
        String id = "job-" + UUID.randomUUID().toString().substring(0, 8);
        job.setProperty("id", id);
        save(id, job);
        try {
            Files.writeString(dir.resolve("submissions.log"), id + " " + job.getProperty("runId") + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return id;
    }

    synchronized Optional<Properties> job(String id) {
        Path file = dir.resolve("jobs").resolve(id + ".properties");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(p);
    }

    synchronized void save(String id, Properties job) {
        Path file = dir.resolve("jobs").resolve(id + ".properties");
        Path tmp = dir.resolve("jobs").resolve(id + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            job.store(w, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized List<Properties> jobs() {
        List<Properties> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve("jobs"))) {
            files.filter(f -> f.toString().endsWith(".properties")).sorted().forEach(f -> {
                String name = f.getFileName().toString();
                job(name.substring(0, name.length() - ".properties".length())).ifPresent(all::add);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }
}

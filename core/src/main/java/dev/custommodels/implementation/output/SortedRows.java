package dev.custommodels.implementation.output;

import com.azure.core.util.logging.ClientLogger;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.stream.Stream;

/**
 * Sorts encoded rows by (Customer ID hash, Customer ID) with memory bounded by a budget: rows are buffered until
 * the budget is reached, then sorted and spilled to a run file in a local temporary directory; {@link #finish()}
 * merges the runs. The sort is stable, so rows with one Customer ID keep the order they were written in.
 */
public final class SortedRows implements Closeable {
    private static final ClientLogger LOGGER = new ClientLogger(SortedRows.class);
    private static final Comparator<Entry> ORDER = (a, b) -> {
        int c = Integer.compareUnsigned(a.hash, b.hash);
        return c != 0 ? c : a.id.compareTo(b.id);
    };
    private static final int ENTRY_OVERHEAD = 96;

    private final long budgetBytes;
    private final Path spillParent;
    private final List<Entry> buffer = new ArrayList<>();
    private final List<Path> runs = new ArrayList<>();
    private long bufferedBytes;
    private long size;
    private Path spillDirectory;
    private final List<Closeable> openReaders = new ArrayList<>();

    /**
     * One row ready to be placed.
     *
     * @param hash the Customer ID hash
     * @param id the Customer ID text
     * @param line the CSV record, with its line end
     */
    public record Entry(int hash, String id, byte[] line) {
    }

    /**
     * Creates a sorter.
     *
     * @param budgetBytes the memory the buffer may take, roughly
     * @param spillParent where to create the spill directory, or {@code null} for the system temporary directory
     */
    public SortedRows(long budgetBytes, Path spillParent) {
        this.budgetBytes = budgetBytes;
        this.spillParent = spillParent;
    }

    /**
     * Adds a row.
     *
     * @param entry the row
     */
    public void add(Entry entry) {
        buffer.add(entry);
        bufferedBytes += ENTRY_OVERHEAD + 2L * entry.id.length() + entry.line.length;
        size++;
        if (bufferedBytes >= budgetBytes) {
            spill();
        }
    }

    /**
     * Returns how many rows were added.
     *
     * @return the row count
     */
    public long size() {
        return size;
    }

    /**
     * Returns how many run files were spilled so far.
     *
     * @return the run count
     */
    public int spilledRuns() {
        return runs.size();
    }

    /**
     * Ends adding and returns every row in order. Call once.
     *
     * @return the rows in (hash, id) order
     */
    public Iterator<Entry> finish() {
        buffer.sort(ORDER);
        if (runs.isEmpty()) {
            return buffer.iterator();
        }
        spill();
        return new Merge();
    }

    private void spill() {
        if (buffer.isEmpty()) {
            return;
        }
        buffer.sort(ORDER);
        try {
            if (spillDirectory == null) {
                spillDirectory = spillParent == null ? Files.createTempDirectory("custom-models-output-")
                        : Files.createTempDirectory(Files.createDirectories(spillParent), "custom-models-output-");
            }
            Path run = spillDirectory.resolve("run-" + runs.size() + ".bin");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run),
                    1 << 16))) {
                for (Entry e : buffer) {
                    byte[] id = e.id.getBytes(StandardCharsets.UTF_8);
                    out.writeInt(e.hash);
                    out.writeInt(id.length);
                    out.write(id);
                    out.writeInt(e.line.length);
                    out.write(e.line);
                }
            }
            runs.add(run);
        } catch (IOException e) {
            throw new UncheckedIOException("Spilling sorted output rows to a temporary file failed; set a "
                    + "spill directory with free space on the OutputEntitiesBuilder.", e);
        }
        LOGGER.verbose("Spilled {} output rows to run {}", buffer.size(), runs.size());
        buffer.clear();
        bufferedBytes = 0;
    }

    /** Deletes the spill files. */
    @Override
    public void close() {
        for (Closeable c : openReaders) {
            try {
                c.close();
            } catch (IOException e) {
                LOGGER.verbose("Closing a spill run failed: {}", e.getMessage());
            }
        }
        openReaders.clear();
        buffer.clear();
        if (spillDirectory != null) {
            try (Stream<Path> files = Files.list(spillDirectory)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
                Files.deleteIfExists(spillDirectory);
            } catch (IOException e) {
                LOGGER.warning("Could not delete the spill directory {}: {}", spillDirectory, e.getMessage());
            }
            spillDirectory = null;
        }
    }

    private final class Merge implements Iterator<Entry> {
        private final PriorityQueue<RunReader> queue = new PriorityQueue<>((a, b) -> {
            int c = ORDER.compare(a.head, b.head);
            return c != 0 ? c : Integer.compare(a.index, b.index);
        });

        Merge() {
            for (int i = 0; i < runs.size(); i++) {
                RunReader r = new RunReader(runs.get(i), i);
                openReaders.add(r);
                if (r.advance()) {
                    queue.add(r);
                }
            }
        }

        @Override
        public boolean hasNext() {
            return !queue.isEmpty();
        }

        @Override
        public Entry next() {
            RunReader r = queue.poll();
            if (r == null) {
                throw new NoSuchElementException();
            }
            Entry e = r.head;
            if (r.advance()) {
                queue.add(r);
            }
            return e;
        }
    }

    private static final class RunReader implements Closeable {
        private final DataInputStream in;
        private final int index;
        private Entry head;

        RunReader(Path file, int index) {
            this.index = index;
            try {
                this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
            } catch (IOException e) {
                throw new UncheckedIOException("Opening spill run " + file + " failed.", e);
            }
        }

        boolean advance() {
            try {
                int hash;
                try {
                    hash = in.readInt();
                } catch (EOFException end) {
                    head = null;
                    in.close();
                    return false;
                }
                byte[] id = new byte[in.readInt()];
                in.readFully(id);
                byte[] line = new byte[in.readInt()];
                in.readFully(line);
                head = new Entry(hash, new String(id, StandardCharsets.UTF_8), line);
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException("Reading a spill run failed.", e);
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}

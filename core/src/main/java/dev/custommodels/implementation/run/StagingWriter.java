package dev.custommodels.implementation.run;

import dev.custommodels.spi.LakeOutputStream;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.spi.WriteCondition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one model input's staged CSV files, {@code part-NNNNN.csv}, each with the header row and at most a given
 * number of data rows. Each file becomes visible whole when it is closed. Memory is one row and one buffer, whatever
 * the number of rows. Not thread-safe.
 */
final class StagingWriter implements AutoCloseable {
    private final LakeStore lake;
    private final String workflowId;
    private final String runId;
    private final String input;
    private final String header;
    private final int chunkRows;
    private final StringBuilder row = new StringBuilder(256);
    private final List<Part> parts = new ArrayList<>();
    private LakeOutputStream out;
    private Utf8Sink sink;
    private String currentPath;
    private long rowsInPart;
    private boolean finished;

    /**
     * One staged file.
     *
     * @param path its lake path
     * @param rows its data rows
     * @param bytes its size
     */
    record Part(String path, long rows, long bytes) {
    }

    StagingWriter(LakeStore lake, String workflowId, String runId, String input, List<String> columns,
            int chunkRows) {
        this.lake = lake;
        this.workflowId = workflowId;
        this.runId = runId;
        this.input = input;
        this.chunkRows = chunkRows;
        StringBuilder h = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                h.append(',');
            }
            CsvText.appendText(h, columns.get(i));
        }
        this.header = h.append('\n').toString();
    }

    /** Returns the reusable builder of the next row, emptied. */
    StringBuilder row() {
        row.setLength(0);
        return row;
    }

    /** Writes the row built in {@link #row()}, starting a new file when the current one is full. */
    void writeRow() {
        if (out == null || rowsInPart >= chunkRows) {
            closePart();
            openPart();
        }
        row.append('\n');
        sink.write(row);
        rowsInPart++;
    }

    /** Closes the last file, writing a header-only file when there were no rows, and returns all files. */
    List<Part> finish() {
        if (out == null) {
            openPart();
        }
        closePart();
        finished = true;
        return List.copyOf(parts);
    }

    /** Discards the file being written, unless finished. Files already closed stay; the caller deletes them. */
    @Override
    public void close() {
        if (!finished && out != null) {
            out.abort();
            out = null;
        }
    }

    private void openPart() {
        currentPath = RunPaths.part(workflowId, runId, input, parts.size());
        out = lake.openWrite(currentPath, WriteCondition.none());
        sink = new Utf8Sink(out);
        sink.write(header);
        rowsInPart = 0;
    }

    private void closePart() {
        if (out == null) {
            return;
        }
        sink.drain();
        try {
            out.close();
        } catch (IOException e) {
            out.abort();
            throw new UncheckedIOException("Writing staged file '" + currentPath + "' failed.", e);
        }
        parts.add(new Part(currentPath, rowsInPart, sink.bytes()));
        out = null;
    }
}

package dev.custommodels.implementation.output;

import dev.custommodels.models.CorruptStateException;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * The sparse index kept beside each partition ({@code part-NNNNN-<attempt>.idx}).
 *
 * <p>Rows of a partition are sorted by (Customer ID hash, Customer ID). Every {@code interval}-th row contributes
 * one entry: the hash of that row and the byte offset where it starts. A lookup binary-searches the entries for
 * the hash and reads only the blocks that can hold it, usually one block of {@code interval} rows (a few
 * kilobytes), instead of the partition. Entries are streamed while the partition is written, with a fixed footer
 * at the end, so writing needs no memory per row.
 *
 * <pre>
 * entries : entryCount x (int hash, long offset)          big-endian, 12 bytes each
 * footer  : long rowCount, long dataLength, int interval, int entryCount, int formatVersion (1), "CMIX"
 * </pre>
 */
public final class PartitionIndex {
    static final int FOOTER_BYTES = 8 + 8 + 4 + 4 + 4 + 4;
    private static final int MAGIC = 0x434D4958; // "CMIX"
    private static final int FORMAT_VERSION = 1;

    private final int[] hashes;
    private final long[] offsets;
    private final long rowCount;
    private final long dataLength;

    private PartitionIndex(int[] hashes, long[] offsets, long rowCount, long dataLength) {
        this.hashes = hashes;
        this.offsets = offsets;
        this.rowCount = rowCount;
        this.dataLength = dataLength;
    }

    /**
     * Reads an index file.
     *
     * @param bytes the file
     * @param path its lake path, for messages
     * @return the index
     * @throws CorruptStateException if the file is not an index
     */
    public static PartitionIndex decode(byte[] bytes, String path) {
        if (bytes.length < FOOTER_BYTES) {
            throw new CorruptStateException(path, "the index file is " + bytes.length + " bytes, shorter than "
                    + "its footer", null);
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        int footer = bytes.length - FOOTER_BYTES;
        long rows = buf.getLong(footer);
        long length = buf.getLong(footer + 8);
        int entries = buf.getInt(footer + 20);
        int version = buf.getInt(footer + 24);
        int magic = buf.getInt(footer + 28);
        if (magic != MAGIC || version != FORMAT_VERSION || entries < 0 || (long) entries * 12 != footer) {
            throw new CorruptStateException(path, "it is not a version " + FORMAT_VERSION
                    + " partition index", null);
        }
        int[] h = new int[entries];
        long[] o = new long[entries];
        for (int i = 0; i < entries; i++) {
            h[i] = buf.getInt(i * 12);
            o[i] = buf.getLong(i * 12 + 4);
        }
        return new PartitionIndex(h, o, rows, length);
    }

    /**
     * Returns the byte range of the partition that holds every row with a hash, if any can.
     *
     * @param hash the Customer ID hash
     * @return {@code {start, end}}, or {@code null} when no row of the partition can have the hash
     */
    public long[] range(int hash) {
        int n = hashes.length;
        if (n == 0 || Integer.compareUnsigned(hash, hashes[0]) < 0) {
            return null;
        }
        int lo = 0;
        int hi = n - 1;
        int start = 0;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Integer.compareUnsigned(hashes[mid], hash) < 0) {
                start = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        lo = start + 1;
        hi = n - 1;
        int end = n;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Integer.compareUnsigned(hashes[mid], hash) > 0) {
                end = mid;
                hi = mid - 1;
            } else {
                lo = mid + 1;
            }
        }
        return new long[] {offsets[start], end == n ? dataLength : offsets[end]};
    }

    /**
     * Returns the number of rows of the partition.
     *
     * @return the row count
     */
    public long rowCount() {
        return rowCount;
    }

    /**
     * Returns the partition's length in bytes.
     *
     * @return the length
     */
    public long dataLength() {
        return dataLength;
    }

    /**
     * Returns the number of index entries, for cache accounting.
     *
     * @return the entry count
     */
    public int entryCount() {
        return hashes.length;
    }

    /** Streams an index while its partition is written. */
    public static final class Writer {
        private final DataOutputStream out;
        private final int interval;
        private long rows;
        private int entries;

        /**
         * Creates a writer.
         *
         * @param out where the index goes; closed by {@link #finish(long)}
         * @param interval one entry per this many rows
         */
        public Writer(OutputStream out, int interval) {
            this.out = new DataOutputStream(out);
            this.interval = interval;
        }

        /**
         * Records that a row was written.
         *
         * @param hash its Customer ID hash
         * @param offset the byte offset where it starts
         * @throws IOException on a write failure
         */
        public void row(int hash, long offset) throws IOException {
            if (rows % interval == 0) {
                out.writeInt(hash);
                out.writeLong(offset);
                entries++;
            }
            rows++;
        }

        /**
         * Writes the footer.
         *
         * @param dataLength the partition's length in bytes
         * @throws IOException on a write failure
         */
        public void finish(long dataLength) throws IOException {
            out.writeLong(rows);
            out.writeLong(dataLength);
            out.writeInt(interval);
            out.writeInt(entries);
            out.writeInt(FORMAT_VERSION);
            out.writeInt(MAGIC);
            out.flush();
        }
    }
}

package dev.custommodels.implementation.output;

import dev.custommodels.spi.BlobLocation;
import dev.custommodels.spi.LakeOutputStream;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.spi.WriteCondition;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Writes the sorted rows of a version into its partitions, each with its index, one partition at a time. */
final class PartitionWriter {
    private final OutputConfig config;
    private final LakeStore store;
    private final String entity;
    private final String runId;
    private final String attempt;
    private final List<String> written;

    PartitionWriter(OutputConfig config, String entity, String runId, String attempt, List<String> written) {
        this.config = config;
        this.store = config.store();
        this.entity = entity;
        this.runId = runId;
        this.attempt = attempt;
        this.written = written;
    }

    List<PartitionInfo> write(Iterator<SortedRows.Entry> sorted, int partitionCount) {
        VersionWriter.Peeking rows = new VersionWriter.Peeking(sorted);
        List<PartitionInfo> partitions = new ArrayList<>();
        for (int p = 0; p < partitionCount; p++) {
            partitions.add(writePartition(rows, p, partitionCount));
        }
        return partitions;
    }

    private PartitionInfo writePartition(VersionWriter.Peeking rows, int number, int partitionCount) {
        String csvPath = EntityPaths.partition(entity, runId, attempt, number);
        String indexPath = EntityPaths.index(entity, runId, attempt, number);
        LakeOutputStream csv = store.openWrite(csvPath, WriteCondition.none());
        LakeOutputStream idx = null;
        try {
            idx = store.openWrite(indexPath, WriteCondition.none());
            OutputStream data = new BufferedOutputStream(csv, 1 << 16);
            PartitionIndex.Writer index = new PartitionIndex.Writer(new BufferedOutputStream(idx, 1 << 14),
                    config.indexInterval());
            long offset = 0;
            long count = 0;
            while (rows.peek() != null
                    && CustomerIdHash.partition(rows.peek().hash(), partitionCount) == number) {
                SortedRows.Entry e = rows.next();
                index.row(e.hash(), offset);
                data.write(e.line());
                offset += e.line().length;
                count++;
            }
            data.flush();
            written.add(csvPath);
            csv.close();
            index.finish(offset);
            written.add(indexPath);
            idx.close();
            return new PartitionInfo(number, csvPath, indexPath, location(csvPath), count, offset);
        } catch (IOException e) {
            csv.abort();
            if (idx != null) {
                idx.abort();
            }
            throw new UncheckedIOException("Writing partition " + number + " of run '" + runId + "' of output "
                    + "entity '" + entity + "' to " + store.describe() + " failed.", e);
        } catch (RuntimeException e) {
            csv.abort();
            if (idx != null) {
                idx.abort();
            }
            throw e;
        }
    }

    private String location(String path) {
        return store.blobLocation(path).map(PartitionWriter::url)
                .orElse(path.substring(EntityPaths.folder(entity).length()));
    }

    private static String url(BlobLocation b) {
        StringBuilder u = new StringBuilder(b.endpoint().replaceAll("/+$", "")).append('/').append(b.container());
        for (String segment : b.blobName().split("/")) {
            u.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return u.toString();
    }
}

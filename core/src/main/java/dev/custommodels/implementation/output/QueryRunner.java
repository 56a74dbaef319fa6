package dev.custommodels.implementation.output;

import com.azure.core.http.rest.PagedIterable;
import com.azure.core.http.rest.PagedResponse;
import com.azure.core.http.rest.PagedResponseBase;
import dev.custommodels.implementation.output.filter.FilterBinder;
import dev.custommodels.implementation.output.filter.FilterNode;
import dev.custommodels.implementation.output.filter.FilterParser;
import dev.custommodels.implementation.output.filter.KeyExtractor;
import dev.custommodels.implementation.output.filter.RowPredicate;
import dev.custommodels.models.Attribute;
import dev.custommodels.models.CorruptStateException;
import dev.custommodels.models.LakeObjectNotFoundException;
import dev.custommodels.output.OutputEntityNotFoundException;
import dev.custommodels.output.OutputQueryOptions;
import dev.custommodels.output.OutputRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs queries: resolves the version, compiles the filter, plans which byte ranges to read (the index blocks of
 * the Customer IDs the filter restricts to, or every partition), and reads them page by page. A query is pinned to
 * one version when its first page is read; continuation tokens carry the version, so later pages read the same
 * one, never a mix.
 */
public final class QueryRunner {
    private static final int FIRST_PAGE_ATTEMPTS = 3;

    private final EntityReader reader;

    /**
     * Creates a runner.
     *
     * @param reader the reader and its caches
     */
    public QueryRunner(EntityReader reader) {
        this.reader = reader;
    }

    /**
     * Starts a query. The filter and selection are checked now; rows are read as pages are requested.
     *
     * @param entity the entity
     * @param options the query
     * @return the rows
     */
    public PagedIterable<OutputRow> query(String entity, OutputQueryOptions options) {
        OutputNames.validateEntityName(entity);
        Request request = new Request(entity, options == null ? new OutputQueryOptions() : options);
        AtomicReference<Prepared> pinned = new AtomicReference<>(prepare(request, reader.require(entity)));
        return new PagedIterable<>(size -> firstPage(request, pinned, size),
                (token, size) -> nextPage(request, pinned, token, size));
    }

    private PagedResponse<OutputRow> firstPage(Request request, AtomicReference<Prepared> pinned, Integer size) {
        for (int attempt = 1; ; attempt++) {
            EntityReader.Snapshot now = reader.require(request.entity);
            if (!now.etag().equals(pinned.get().etag)) {
                pinned.set(prepare(request, now));
            }
            try {
                return read(pinned.get(), new Cursor(0, -1, 0), size);
            } catch (LakeObjectNotFoundException gone) {
                if (attempt >= FIRST_PAGE_ATTEMPTS) {
                    throw deleted(pinned.get(), gone);
                }
            }
        }
    }

    private PagedResponse<OutputRow> nextPage(Request request, AtomicReference<Prepared> pinned, String token,
            Integer size) {
        Prepared q = pinned.get();
        Cursor cursor = Cursor.decode(token, q);
        try {
            return read(q, cursor, size);
        } catch (LakeObjectNotFoundException gone) {
            throw deleted(q, gone);
        }
    }

    private Prepared prepare(Request request, EntityReader.Snapshot snapshot) {
        VersionManifest version = reader.version(snapshot, request.asOfRunId);
        List<Attribute> attributes = version.attributes();
        RowPredicate predicate = request.filter == null ? RowPredicate.ALL
                : FilterBinder.bind(request.filterText, request.filter, version.entityName(), attributes);
        int[] projection;
        if (request.select == null) {
            projection = new int[attributes.size()];
            Arrays.setAll(projection, i -> i);
        } else {
            projection = request.select.stream()
                    .mapToInt(name -> FilterBinder.column(name, -1, version.entityName(), attributes)).toArray();
        }
        List<Attribute> projected = Arrays.stream(projection).mapToObj(attributes::get).toList();
        return new Prepared(snapshot.etag(), version, predicate, projection, projected, request.top,
                request.pageSize, plan(request, version), request.fingerprint);
    }

    private List<Range> plan(Request request, VersionManifest version) {
        Set<String> ids = request.filter == null ? null : KeyExtractor.customerIds(request.filter,
                version.customerIdAttribute(), version.attributes().get(version.columnIndex(
                        version.customerIdAttribute())).type());
        List<Range> ranges = new ArrayList<>();
        if (ids == null) {
            for (PartitionInfo p : version.partitions()) {
                if (p.bytes() > 0) {
                    ranges.add(new Range(p.number(), 0, p.bytes()));
                }
            }
            return ranges;
        }
        int count = version.partitions().size();
        for (String id : ids) {
            int hash = CustomerIdHash.hash(id);
            PartitionInfo p = version.partitions().get(CustomerIdHash.partition(hash, count));
            long[] r = p.rowCount() == 0 ? null : reader.index(p).range(hash);
            if (r != null) {
                ranges.add(new Range(p.number(), r[0], r[1]));
            }
        }
        ranges.sort(Comparator.comparingInt(Range::partition).thenComparingLong(Range::start));
        List<Range> merged = new ArrayList<>();
        for (Range r : ranges) {
            Range last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && last.partition == r.partition && r.start <= last.end) {
                merged.set(merged.size() - 1, new Range(r.partition, last.start, Math.max(last.end, r.end)));
            } else {
                merged.add(r);
            }
        }
        return merged;
    }

    private PagedResponse<OutputRow> read(Prepared q, Cursor cursor, Integer preferredSize) {
        int size = preferredSize != null && preferredSize > 0
                ? Math.min(preferredSize, OutputQueryOptions.MAX_PAGE_SIZE) : q.pageSize;
        List<OutputRow> rows = new ArrayList<>();
        int rangeIndex = cursor.range;
        long offset = cursor.offset;
        long emitted = cursor.emitted;
        int columns = q.version.attributes().size();
        while (rangeIndex < q.ranges.size() && rows.size() < size && (q.top < 0 || emitted < q.top)) {
            Range range = q.ranges.get(rangeIndex);
            long start = Math.max(offset, range.start);
            PartitionInfo partition = q.version.partitions().get(range.partition);
            boolean exhausted = start >= range.end;
            if (!exhausted) {
                try (CsvRecordReader in = new CsvRecordReader(reader.store().openRead(partition.path(), start,
                        range.end - start), start)) {
                    while (rows.size() < size && (q.top < 0 || emitted < q.top)) {
                        String[] record = in.next(columns);
                        if (record == null) {
                            exhausted = true;
                            break;
                        }
                        offset = in.position();
                        ParsedRow row = new ParsedRow(record, q.version.attributes(), partition.path(),
                                in.recordStart());
                        if (q.predicate.test(row)) {
                            rows.add(project(q, row));
                            emitted++;
                        }
                    }
                    exhausted = exhausted || offset >= range.end;
                } catch (IOException e) {
                    throw new UncheckedIOException("Reading " + partition.path() + " failed.", e);
                } catch (IllegalStateException e) {
                    throw new CorruptStateException(partition.path(), e.getMessage(), e);
                }
            }
            if (exhausted) {
                rangeIndex++;
                offset = -1;
            }
        }
        boolean more = rangeIndex < q.ranges.size() && (q.top < 0 || emitted < q.top);
        String token = more ? new Cursor(rangeIndex, offset, emitted).encode(q) : null;
        return new PagedResponseBase<Void, OutputRow>(null, 200, null, rows, token, null);
    }

    private static OutputRow project(Prepared q, ParsedRow row) {
        Object[] values = new Object[q.projection.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.value(q.projection[i]);
        }
        return new OutputRow(q.projected, Arrays.asList(values));
    }

    private static OutputEntityNotFoundException deleted(Prepared q, LakeObjectNotFoundException cause) {
        OutputEntityNotFoundException e = new OutputEntityNotFoundException(q.version.entityName(),
                q.version.runId(), "The version of run '" + q.version.runId() + "' of output entity '"
                + q.version.entityName() + "' was deleted while it was being read: newer commits dropped it from "
                + "the retained versions. Run the query again; it reads the current version.");
        e.addSuppressed(cause);
        return e;
    }

    /** The query as asked, copied from the mutable options. */
    private static final class Request {
        final String entity;
        final String filterText;
        final FilterNode filter;
        final List<String> select;
        final long top;
        final String asOfRunId;
        final int pageSize;
        final String fingerprint;

        Request(String entity, OutputQueryOptions o) {
            this.entity = entity;
            this.filterText = o.getFilter();
            this.filter = filterText == null ? null : FilterParser.parse(filterText);
            this.select = o.getSelect();
            this.top = o.getTop() == null ? -1 : o.getTop();
            this.asOfRunId = o.getAsOfRunId();
            this.pageSize = o.getPageSize();
            this.fingerprint = Integer.toHexString(Objects.hash(entity, filterText, select, top, asOfRunId));
        }
    }

    private record Range(int partition, long start, long end) {
    }

    private record Prepared(String etag, VersionManifest version, RowPredicate predicate, int[] projection,
            List<Attribute> projected, long top, int pageSize, List<Range> ranges, String fingerprint) {
    }

    /** Where a page starts: a range, a byte offset within it (-1 for its start), and the rows returned so far. */
    private record Cursor(int range, long offset, long emitted) {
        String encode(Prepared q) {
            String raw = "1|" + q.version.attempt() + "|" + q.fingerprint + "|" + range + "|" + offset + "|"
                    + emitted;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String token, Prepared q) {
            try {
                String[] p = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|");
                if (p.length == 6 && p[0].equals("1") && p[1].equals(q.version.attempt())
                        && p[2].equals(q.fingerprint)) {
                    return new Cursor(Integer.parseInt(p[3]), Long.parseLong(p[4]), Long.parseLong(p[5]));
                }
            } catch (IllegalArgumentException e) {
                // falls through to the error below
            }
            throw new IllegalArgumentException("The continuation token does not belong to this query; continue "
                    + "with a token from a page of the same PagedIterable.");
        }
    }
}

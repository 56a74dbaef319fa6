package dev.custommodels.output;

import static dev.custommodels.output.OutputFixtures.writeVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.rest.PagedResponse;
import dev.custommodels.lake.LocalLakeStore;
import dev.custommodels.spi.LakeStore;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputQueryTest {
    static final int ROWS = 3000;
    @TempDir
    static Path dir;
    static CountingLake lake;
    static OutputEntityClient client;

    @BeforeAll
    static void writeEntity() {
        lake = new CountingLake(new LocalLakeStore(dir));
        client = new OutputEntityClientBuilder().lakeStore(lake).targetRowsPerPartition(500).buildClient();
        writeVersion(client, "Churn", "run-1", ROWS);
    }

    @Test
    void filtersSelectAndCompareByType() {
        assertThat(ids("Score ge 0.98")).hasSize(2 * ROWS / 100);
        assertThat(ids("Score gt 0.5 and Segment eq 'seg3' and Active")).allSatisfy(id -> {
            int i = Integer.parseInt(id.substring(2));
            assertThat((i % 100) / 100.0).isGreaterThan(0.5);
            assertThat(i % 7).isEqualTo(3);
            assertThat(i % 2).isZero();
        });
        assertThat(ids("Visits lt 3 or Visits eq 2999")).containsExactlyInAnyOrder("c-0", "c-1", "c-2", "c-2999");
        assertThat(ids("not (Visits gt 2) and not Active")).containsExactly("c-1");
        assertThat(ids("Since eq 2020-01-03")).containsExactlyInAnyOrder("c-2", "c-1002", "c-2002");
        assertThat(ids("Since eq 2020-01-03 and Visits le 1000")).containsExactly("c-2");
        assertThat(ids("LastSeen eq 2024-05-01T12:00:00Z and Visits lt 100")).containsExactlyInAnyOrder("c-0",
                "c-48", "c-96");
        assertThat(ids("LastSeen lt 2024-05-01T11:30:00+00:00 and Visits lt 3")).containsExactlyInAnyOrder("c-1", "c-2");
        assertThat(ids("startswith(CustomerId,'c-299') and endswith(CustomerId, '7')")).containsExactly("c-2997");
        assertThat(ids("contains(CustomerId,'-123')")).containsExactlyInAnyOrder("c-123", "c-1230", "c-1231",
                "c-1232", "c-1233", "c-1234", "c-1235", "c-1236", "c-1237", "c-1238", "c-1239");
        assertThat(ids("Segment in ('seg1', 'seg2') and Visits lt 10")).containsExactlyInAnyOrder("c-1", "c-2",
                "c-8", "c-9");
        assertThat(ids("RunId eq 'run-1' and Visits eq 5")).containsExactly("c-5");
        assertThat(ids("Segment eq null")).isEmpty();
        assertThat(ids("Segment ne null")).hasSize(ROWS);
        assertThat(ids("1 eq 1 and CustomerId eq 'c-7'")).containsExactly("c-7");

        List<OutputRow> rows = client.query("Churn", new OutputQueryOptions().setFilter("CustomerId eq 'c-9'")
                .setSelect("Score", "CustomerId")).stream().toList();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).toMap()).containsExactly(java.util.Map.entry("Score", 0.09),
                java.util.Map.entry("CustomerId", "c-9"));
    }

    @Test
    void customerIdLookupsReadOnlyAnIndexBlockNotThePartitions() {
        client.query("Churn", "CustomerId eq 'c-1'").stream().count(); // loads the index once
        long before = lake.bytesRead.get();
        List<String> found = ids("CustomerId eq 'c-1234'");
        long lookupBytes = lake.bytesRead.get() - before;
        assertThat(found).containsExactly("c-1234");
        long total = client.getCurrentVersion("Churn").partitionPaths().stream()
                .mapToLong(p -> lake.stat(p).orElseThrow().size()).sum();
        assertThat(lookupBytes).isPositive().isLessThan(total / 50);

        before = lake.bytesRead.get();
        assertThat(ids("CustomerId in ('c-5', 'c-2500', 'nope') or CustomerId eq 'c-6'"))
                .containsExactlyInAnyOrder("c-5", "c-6", "c-2500");
        assertThat(lake.bytesRead.get() - before).isLessThan(total / 10);

        before = lake.bytesRead.get();
        assertThat(ids("not (CustomerId ne 'c-1234')")).containsExactly("c-1234");
        assertThat(lake.bytesRead.get() - before).isEqualTo(total);
    }

    @Test
    void pagesTopAndContinuationTokensCoverEveryRowOnce() {
        List<String> seen = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        client.query("Churn", new OutputQueryOptions().setPageSize(700)).iterableByPage().forEach(page -> {
            page.getElements().forEach(r -> seen.add(r.getString("CustomerId")));
            tokens.add(page.getContinuationToken());
        });
        assertThat(seen).hasSize(ROWS).doesNotHaveDuplicates();
        assertThat(tokens).hasSize(5).last().isNull();

        var paged = client.query("Churn", new OutputQueryOptions().setFilter("Active").setTop(1234L));
        List<PagedResponse<OutputRow>> pages = paged.streamByPage(500).toList();
        assertThat(pages).extracting(p -> p.getValue().size()).containsExactly(500, 500, 234);
        String second = pages.get(0).getContinuationToken();
        List<OutputRow> resumed = paged.streamByPage(second, 500).flatMap(p -> p.getValue().stream()).toList();
        assertThat(resumed).hasSize(734).isEqualTo(pages.stream().skip(1).flatMap(p -> p.getValue().stream())
                .toList());
        assertThat(client.query("Churn", new OutputQueryOptions().setTop(0L)).stream()).isEmpty();

        var other = client.query("Churn", new OutputQueryOptions().setFilter("Visits gt 5"));
        assertThatThrownBy(() -> other.streamByPage(second).count()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not belong to this query");
    }

    @Test
    void aQueryStaysOnItsVersionWhileNewOnesAreCommitted() {
        OutputEntityClient local = new OutputEntityClientBuilder().lakeStore(lake).targetRowsPerPartition(100)
                .buildClient();
        writeVersion(local, "Moving", "v1", 1000);
        var paged = local.query("Moving", new OutputQueryOptions().setPageSize(100));
        var pages = paged.iterableByPage().iterator();
        List<OutputRow> rows = new ArrayList<>(pages.next().getValue());
        writeVersion(local, "Moving", "v2", 10);
        pages.forEachRemaining(p -> rows.addAll(p.getValue()));
        assertThat(rows).hasSize(1000).allMatch(r -> r.getString("RunId").equals("v1"));
        assertThat(local.query("Moving", (String) null).stream()).hasSize(10);
    }

    @Test
    void queryErrorsNameThePositionTheAttributesAndTheTypes() {
        assertThatThrownBy(() -> client.query("Churn", "Score eq )"))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> {
                    assertThat(e.getKind()).isEqualTo(QueryErrorKind.SYNTAX);
                    assertThat(e.getPosition()).isEqualTo(9);
                })
                .hasMessageContaining("Malformed filter at position 9: expected an attribute, a literal or '(' "
                        + "but found ')'");
        assertThatThrownBy(() -> client.query("Churn", "Scor gt 1"))
                .isInstanceOfSatisfying(InvalidQueryException.class,
                        e -> assertThat(e.getKind()).isEqualTo(QueryErrorKind.UNKNOWN_ATTRIBUTE))
                .hasMessageContaining("Unknown attribute 'Scor' at position 0")
                .hasMessageContaining("[CustomerId, Score, Segment, Active, Visits, Since, LastSeen, RunId, "
                        + "ScoredAt, ModelReference]");
        assertThatThrownBy(() -> client.query("Churn", "Score eq 'x'"))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> {
                    assertThat(e.getKind()).isEqualTo(QueryErrorKind.TYPE_MISMATCH);
                    assertThat(e.getPosition()).isEqualTo(6);
                })
                .hasMessageContaining("Score is a NUMBER attribute but 'x' is a string literal");
        assertThatThrownBy(() -> client.query("Churn", new OutputQueryOptions().setSelect("Score", "score")))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("Unknown attribute 'score' in $select").hasMessageContaining("Did you mean "
                        + "'Score'?");
        assertThatThrownBy(() -> client.query("Nope", (String) null))
                .isInstanceOf(OutputEntityNotFoundException.class).hasMessageContaining("[Churn");
        assertThatThrownBy(() -> client.query("a/b", (String) null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> ids(String filter) {
        return client.query("Churn", filter).stream().map(r -> r.getString("CustomerId")).toList();
    }

    /** Counts the bytes read through a lake store. */
    static final class CountingLake implements LakeStore {
        final LakeStore inner;
        final AtomicLong bytesRead = new AtomicLong();

        CountingLake(LakeStore inner) {
            this.inner = inner;
        }

        @Override
        public InputStream openRead(String path) {
            return count(inner.openRead(path));
        }

        @Override
        public InputStream openRead(String path, long offset, long length) {
            return count(inner.openRead(path, offset, length));
        }

        private InputStream count(InputStream in) {
            return new FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        bytesRead.incrementAndGet();
                    }
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    if (n > 0) {
                        bytesRead.addAndGet(n);
                    }
                    return n;
                }
            };
        }

        @Override
        public java.util.Optional<dev.custommodels.spi.LakeObjectInfo> stat(String path) {
            return inner.stat(path);
        }

        @Override
        public dev.custommodels.spi.LakeOutputStream openWrite(String path, dev.custommodels.spi.WriteCondition c) {
            return inner.openWrite(path, c);
        }

        @Override
        public java.util.stream.Stream<dev.custommodels.spi.LakeObjectInfo> list(String prefix) {
            return inner.list(prefix);
        }

        @Override
        public boolean delete(String path, dev.custommodels.spi.WriteCondition condition) {
            return inner.delete(path, condition);
        }

        @Override
        public String describe() {
            return "counting:" + inner.describe();
        }
    }
}

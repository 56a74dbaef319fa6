package dev.custommodels.mapping;

import static dev.custommodels.mapping.Fixtures.ACCOUNT;
import static dev.custommodels.mapping.Fixtures.CONTACT;
import static dev.custommodels.mapping.Fixtures.input;
import static dev.custommodels.models.DataType.INTEGER;
import static dev.custommodels.models.DataType.STRING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custommodels.models.ModelInput;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    @Test
    void oneEngineServesManyThreadsWithTheSameAnswers() throws Exception {
        MappingEngine engine = Fixtures.engine();
        ModelInput in = input("Phone", STRING, "Adress_Line1", STRING, "CustomerKey", INTEGER, "Age", INTEGER,
                "AccountName", STRING);
        MappingProposal expected = engine.propose(in, List.of(CONTACT, ACCOUNT));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<MappingProposal>> futures = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                // Alternate between a fresh engine and the shared one, so the shared prepared catalog is raced.
                MappingEngine e = i % 2 == 0 ? engine : Fixtures.engine();
                futures.add(pool.submit(() -> e.propose(in, List.of(CONTACT, ACCOUNT))));
            }
            for (Future<MappingProposal> f : futures) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

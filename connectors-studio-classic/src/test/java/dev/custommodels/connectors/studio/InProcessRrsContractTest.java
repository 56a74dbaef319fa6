package dev.custommodels.connectors.studio;

import dev.custommodels.testkit.contract.ConnectorContractTest;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The connector contract, RRS mode, against the Studio (classic) emulator in process. */
class InProcessRrsContractTest extends ConnectorContractTest {
    @TempDir
    Path dir;

    @Override
    protected Fixture createFixture() throws Exception {
        return new StudioContractFixture(StudioTestbed.builder(dir)
                .option(StudioClassicOptions.MODE, "rrs").build(), false);
    }
}

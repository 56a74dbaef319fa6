package dev.custommodels.connectors.studio;

import dev.custommodels.testkit.contract.ConnectorContractTest;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The connector contract, BES mode, against the Studio (classic) emulator over loopback HTTP with the Netty client. */
class LoopbackBesContractTest extends ConnectorContractTest {
    @TempDir
    Path dir;

    @Override
    protected Fixture createFixture() throws Exception {
        return new StudioContractFixture(StudioTestbed.builder(dir).loopback()
                .option(StudioClassicOptions.MODE, "bes").build(), true);
    }
}

package dev.custommodels.testkit.contract;

import dev.custommodels.lake.LocalLakeStore;

import dev.custommodels.spi.LakeStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class LocalLakeStoreTest extends LakeStoreContractTest {
    @TempDir
    Path dir;

    @Override
    protected LakeStore createStore() {
        return new LocalLakeStore(dir);
    }
}

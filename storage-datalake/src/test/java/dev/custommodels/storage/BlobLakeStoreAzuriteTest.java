package dev.custommodels.storage;

import dev.custommodels.spi.LakeStore;
import dev.custommodels.testkit.azurite.Azurite;
import dev.custommodels.testkit.azurite.AzuriteExtension;
import dev.custommodels.testkit.contract.LakeStoreContractTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

/** The whole lake store contract for the Blob store on Azurite, with small blocks so multi-block commits run. */
@DisplayName("BlobLakeStore contract on Azurite")
@ExtendWith(AzuriteExtension.class)
class BlobLakeStoreAzuriteTest extends LakeStoreContractTest {
    private static Azurite azurite;

    @BeforeAll
    static void azurite(Azurite running) {
        azurite = running;
    }

    @Override
    protected LakeStore createStore() {
        return BlobLakeStore.builder()
                .connectionString(azurite.connectionString())
                .containerName(TestStores.newContainer(azurite.connectionString(), "contract"))
                .blockSize(1024 * 1024)
                .maxConcurrency(3)
                .retryOptions(TestStores.fastRetries(3))
                .buildStore();
    }
}

package dev.custommodels.storage;

import com.azure.core.util.Context;
import com.azure.storage.file.datalake.DataLakeFileSystemClient;
import com.azure.storage.file.datalake.DataLakeServiceClientBuilder;
import com.azure.storage.file.datalake.options.DataLakePathDeleteOptions;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.testkit.contract.LakeStoreContractTest;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The whole lake store contract for the DataLake store against a real ADLS Gen2 account (hierarchical namespace
 * enabled), opt-in: set {@value #VARIABLE} to the account's connection string (with an account key). Each test
 * works in a fresh folder of the file system {@value #FILE_SYSTEM}, deleted afterwards. Unset, JUnit reports these
 * tests as skipped.
 */
@DisplayName("DataLakeLakeStore contract on a live ADLS Gen2 account (opt-in: CUSTOM_MODELS_LIVE_ADLS)")
@EnabledIfEnvironmentVariable(named = DataLakeLakeStoreLiveTest.VARIABLE, matches = ".+")
class DataLakeLakeStoreLiveTest extends LakeStoreContractTest {
    static final String VARIABLE = "CUSTOM_MODELS_LIVE_ADLS";
    static final String FILE_SYSTEM = "custom-models-live-tests";

    private DataLakeFileSystemClient fileSystem;
    private String folder;

    @Override
    protected LakeStore createStore() {
        String connectionString = System.getenv(VARIABLE);
        fileSystem = new DataLakeServiceClientBuilder().connectionString(connectionString).buildClient()
                .getFileSystemClient(FILE_SYSTEM);
        fileSystem.createIfNotExists();
        folder = "contract-" + UUID.randomUUID();
        return DataLakeLakeStore.builder().connectionString(connectionString).fileSystemName(FILE_SYSTEM)
                .rootPath(folder).buildStore();
    }

    @AfterEach
    void deleteFolder() {
        if (fileSystem != null && folder != null) {
            fileSystem.getDirectoryClient(folder).deleteIfExistsWithResponse(
                    new DataLakePathDeleteOptions().setIsRecursive(true), null, Context.NONE);
        }
    }
}

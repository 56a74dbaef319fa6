package dev.custommodels.testkit.junit;

import dev.custommodels.lake.LocalLakeStore;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.testkit.emulator.arm.ArmEmulator;
import dev.custommodels.testkit.emulator.arm.EmulatedWorkspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/** The Azure side every backend builds on, and the environment's directory. */
final class Seeding {
    private Seeding() {
    }

    /**
     * What backends build on.
     *
     * @param arm the ARM emulator with the seeded subscription
     * @param workspace the seeded workspace
     * @param datastore the store behind its default datastore
     * @param directory the environment's directory
     */
    record Seed(ArmEmulator arm, EmulatedWorkspace workspace, LakeStore datastore, Path directory) {
    }

    static Seed seed(Path directory) {
        ArmEmulator arm = new ArmEmulator().subscription(CustomModelsTestEnvironment.SUBSCRIPTION_ID,
                "Contoso Customer Models", CustomModelsTestEnvironment.TENANT_ID);
        EmulatedWorkspace workspace = arm.workspace(CustomModelsTestEnvironment.SUBSCRIPTION_ID,
                CustomModelsTestEnvironment.RESOURCE_GROUP, CustomModelsTestEnvironment.WORKSPACE_NAME,
                CustomModelsTestEnvironment.REGION);
        LocalLakeStore datastore = new LocalLakeStore(directory.resolve("datastores")
                .resolve(CustomModelsTestEnvironment.DATASTORE_NAME));
        arm.datastore(workspace.id(), CustomModelsTestEnvironment.DATASTORE_NAME,
                CustomModelsTestEnvironment.DATASTORE_ACCOUNT, CustomModelsTestEnvironment.DATASTORE_CONTAINER,
                datastore);
        return new Seed(arm, workspace, datastore, directory);
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            List<Path> all = new ArrayList<>(paths.toList());
            Collections.reverse(all);
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove the test environment's directory " + root, e);
        }
    }
}

package dev.custommodels.implementation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ServiceLoader discovery on the module path: a connector module that declares {@code provides} in its
 * module-info (and has no META-INF/services file) is found by a client running as the named module
 * {@code dev.custommodels.core}. Class-path discovery is shown in {@link ConnectorRegistryTest}.
 */
class ModulePathDiscoveryTest {
    private static final String PROVIDER_MODULE = "test.connector";

    @TempDir
    Path dir;

    @Test
    void connectorDeclaredInAModuleIsDiscoveredOnTheModulePath() throws Exception {
        String modulePath = coreModulePath();
        Path src = writeProviderModule();
        Path out = dir.resolve("mods/" + PROVIDER_MODULE);
        List<String> javac = new ArrayList<>(List.of(tool("javac"), "--module-path", modulePath, "-d",
                out.toString()));
        try (var files = Files.walk(src)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> javac.add(p.toString()));
        }
        assertThat(run(javac, "javac")).isEmpty();

        String output = run(List.of(tool("java"), "--module-path", modulePath + File.pathSeparator + out,
                "-m", PROVIDER_MODULE + "/test.connector.Main", dir.resolve("lake").toString()), "java");

        assertThat(output).contains("connectors=[module-path-fake]")
                .contains("clientModule=dev.custommodels.core")
                .contains("providerModule=" + PROVIDER_MODULE);
    }

    /** Core's classes and the jars of the modules core requires, found on this test's class path. */
    private static String coreModulePath() {
        Map<String, Path> jarsByModule = new HashMap<>();
        Path coreClasses = null;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isDirectory(p) && Files.exists(p.resolve("module-info.class"))) {
                coreClasses = p;
            } else if (entry.endsWith(".jar")) {
                moduleName(p).ifPresent(name -> jarsByModule.putIfAbsent(name, p));
            }
        }
        assertThat(coreClasses).as("core's compiled classes with module-info.class").isNotNull();
        Set<Path> path = new LinkedHashSet<>(List.of(coreClasses));
        Deque<ModuleDescriptor> todo = new ArrayDeque<>(List.of(descriptor(coreClasses).orElseThrow()));
        Set<String> seen = new java.util.HashSet<>();
        while (!todo.isEmpty()) {
            for (ModuleDescriptor.Requires r : todo.pop().requires()) {
                Path jar = jarsByModule.get(r.name());
                if (jar != null && !r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC)
                        && seen.add(r.name())) {
                    path.add(jar);
                    descriptor(jar).ifPresent(todo::push);
                }
            }
        }
        return String.join(File.pathSeparator, path.stream().map(Path::toString).toList());
    }

    private static Optional<String> moduleName(Path jar) {
        return descriptor(jar).map(ModuleDescriptor::name);
    }

    private static Optional<ModuleDescriptor> descriptor(Path location) {
        try {
            return ModuleFinder.of(location).findAll().stream().findFirst().map(ModuleReference::descriptor);
        } catch (RuntimeException e) {
            return Optional.empty(); // not usable as a module; core does not need it
        }
    }

    private Path writeProviderModule() throws IOException {
        Path src = dir.resolve("src");
        write(src.resolve("module-info.java"), "module " + PROVIDER_MODULE + " {\n"
                + "    requires dev.custommodels.core;\n"
                + "    provides dev.custommodels.spi.ConnectorProvider with test.connector.ModuleProvider;\n"
                + "}\n");
        write(src.resolve("test/connector/ModuleProvider.java"), "package test.connector;\n"
                + "public final class ModuleProvider implements dev.custommodels.spi.ConnectorProvider {\n"
                + "    public String name() { return \"module-path-fake\"; }\n"
                + "    public dev.custommodels.spi.Connector create(dev.custommodels.spi.ConnectorContext c) {\n"
                + "        throw new UnsupportedOperationException();\n"
                + "    }\n"
                + "}\n");
        write(src.resolve("test/connector/Main.java"), "package test.connector;\n"
                + "import dev.custommodels.CustomModelsClient;\n"
                + "import dev.custommodels.CustomModelsClientBuilder;\n"
                + "import dev.custommodels.entities.EntityCatalog;\n"
                + "public final class Main {\n"
                + "    public static void main(String[] args) {\n"
                + "        CustomModelsClient client = new CustomModelsClientBuilder()\n"
                + "                .lakeDirectory(java.nio.file.Path.of(args[0]))\n"
                + "                .entityCatalog(EntityCatalog.of(java.util.List.of())).buildClient();\n"
                + "        System.out.println(\"connectors=\" + client.listConnectors()\n"
                + "                + \" clientModule=\" + CustomModelsClient.class.getModule().getName()\n"
                + "                + \" providerModule=\" + ModuleProvider.class.getModule().getName());\n"
                + "    }\n"
                + "}\n");
        return src;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    private String run(List<String> command, String what) throws Exception {
        Path log = Files.createTempFile(dir, what, ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(60, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(done).as("%s finished; output:%n%s", what, output).isTrue();
        assertThat(p.exitValue()).as("%s exit code; output:%n%s", what, output).isZero();
        return output;
    }
}

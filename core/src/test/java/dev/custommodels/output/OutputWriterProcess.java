package dev.custommodels.output;

import dev.custommodels.lake.LocalLakeStore;
import dev.custommodels.spi.LakeStore;
import java.nio.file.Path;

/**
 * The child process of the reliability tests: a writer in its own JVM on a shared local lake.
 *
 * <pre>
 * commit-loop &lt;lake&gt; &lt;entity&gt; &lt;first k&gt; &lt;last k&gt;   commits versions first..last, printing COMMITTED run-k
 * pause &lt;lake&gt; &lt;entity&gt; &lt;k&gt; &lt;phase&gt; &lt;retained&gt;      writes version k and blocks at a phase of its commit
 * </pre>
 */
public final class OutputWriterProcess {
    private OutputWriterProcess() {
    }

    /**
     * Runs a mode.
     *
     * @param args the mode and its arguments
     */
    public static void main(String[] args) {
        LakeStore lake = new LocalLakeStore(Path.of(args[1]));
        String entity = args[2];
        if (args[0].equals("commit-loop")) {
            OutputEntityClient client = new OutputEntityClientBuilder().lakeStore(lake).buildClient();
            for (int k = Integer.parseInt(args[3]); k <= Integer.parseInt(args[4]); k++) {
                Versions.write(client, entity, k);
                System.out.println("COMMITTED " + Versions.runId(k));
            }
            System.out.println("DONE");
            return;
        }
        int k = Integer.parseInt(args[3]);
        LakeStore pausing = new PausingLakeStore(lake, "entities/" + entity + "/model.json", args[4], System.out,
                System.in);
        OutputEntityClient client = new OutputEntityClientBuilder().lakeStore(pausing).buildClient();
        OutputWriterOptions options = new OutputWriterOptions(entity, Versions.SCHEMA, "CustomerId",
                Versions.runId(k), OutputFixtures.MODEL, OutputFixtures.SCORED_AT)
                .setRetainedVersions(Integer.parseInt(args[5]));
        OutputEntityWriter writer = client.openWriter(options);
        Versions.writeRows(writer, k);
        writer.commit();
        System.out.println("NOT PAUSED");
    }
}

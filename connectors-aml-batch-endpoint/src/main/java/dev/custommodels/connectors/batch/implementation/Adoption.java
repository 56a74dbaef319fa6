package dev.custommodels.connectors.batch.implementation;

import dev.custommodels.connectors.batch.BatchEndpointOptions;
import dev.custommodels.models.CustomModelsException;
import dev.custommodels.spi.JobHandle;
import dev.custommodels.spi.JobRequest;
import java.time.Instant;

/**
 * Rebuilds the handle of a job that an earlier submission of the same run created: the output and input
 * locations come from the job's own inputs and outputs where ARM shows them, else from the run's attempt folder.
 */
final class Adoption {
    private final String datastore;
    private final ContractReader contracts;

    Adoption(String datastore, ContractReader contracts) {
        this.datastore = datastore;
        this.contracts = contracts;
    }

    JobHandle handle(BatchArm arm, Target t, JobRequest request, JobFinder.Found found, String outputFileName,
            Instant now) {
        JobInfo job = found.job();
        String folder = found.folder();
        String outputUri;
        boolean outputIsFolder;
        String inputUri;
        if (t.deployment().kind() == DeploymentInfo.Kind.MODEL) {
            outputUri = location(job.outputUris().get(BatchEndpointOptions.MODEL_OUTPUT_NAME), folder,
                    folder == null ? null : Submission.modelOutputFile(folder, outputFileName), job);
            outputIsFolder = false;
            inputUri = location(job.inputUris().get(BatchEndpointOptions.MODEL_INPUT_NAME), folder,
                    folder == null ? null : Submission.modelInputFolder(folder), job);
        } else {
            ComponentSpec spec = contracts.component(arm, t.deployment());
            ComponentSpec.Port chosen = Submission.chosenOutput(spec, request.output().modelOutput());
            outputUri = location(job.outputUris().get(chosen.name()), folder,
                    folder == null ? null : Submission.dataPath(folder + "outputs/", chosen), job);
            outputIsFolder = !chosen.type().equals("uri_file");
            inputUri = job.inputUris().values().stream().findFirst().orElse(null);
        }
        return new BatchJobRef(job.name(), t.tenantId(), t.workspaceId(), t.endpoint().name(), t.deployment().name(),
                t.deployment().kind(), outputUri, outputIsFolder, inputUri,
                job.createdAt() != null ? job.createdAt() : now).toHandle();
    }

    private String location(String fromJob, String folder, String fromFolder, JobInfo job) {
        if (fromJob != null) {
            return DatastorePath.parse(fromJob).map(DatastorePath::uri).orElse(fromJob);
        }
        if (fromFolder != null) {
            return new DatastorePath(datastore, fromFolder).uri();
        }
        throw new CustomModelsException("Job " + job.name() + " belongs to this run, but neither the job nor its tags"
                + " tell where its data is; cancel it in Azure Machine Learning studio and run the workflow again.");
    }
}

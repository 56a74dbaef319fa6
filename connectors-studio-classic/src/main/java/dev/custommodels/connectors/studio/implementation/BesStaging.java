package dev.custommodels.connectors.studio.implementation;

import dev.custommodels.spi.BlobLocation;
import dev.custommodels.spi.ConnectorContext;
import dev.custommodels.spi.LakeAccess;
import dev.custommodels.spi.LakeStore;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where BES jobs read their input and write their output: the staging container the host configures, or else the
 * lake itself when it can sign URLs. Signed URLs become the {@code AzureBlobDataReference} the service takes.
 */
final class BesStaging {
    private final ConnectorContext context;
    private final Settings settings;

    BesStaging(ConnectorContext context, Settings settings) {
        this.context = context;
        this.settings = settings;
    }

    /** A staging store and its description for the manifest. */
    record Place(JobManifest.StagingPlace place, LakeStore store) {
    }

    /** The staging place for a new job, or empty when neither a container is configured nor the lake can sign. */
    Optional<Place> forNewJob(String tenantId, String probePath) {
        if (settings.stagingConfigured()) {
            JobManifest.StagingPlace place = new JobManifest.StagingPlace("datastore", settings.stagingAccount(),
                    settings.stagingEndpoint(), settings.stagingContainer());
            return Optional.of(new Place(place, open(place, tenantId)));
        }
        if (context.lake().signedUrl(probePath, LakeAccess.READ, java.time.Duration.ofMinutes(1)).isPresent()) {
            return Optional.of(new Place(new JobManifest.StagingPlace("lake", null, null, null), context.lake()));
        }
        return Optional.empty();
    }

    /** Opens the store a manifest names. */
    LakeStore open(JobManifest.StagingPlace place, String tenantId) {
        if ("lake".equals(place.kind())) {
            return context.lake();
        }
        return context.datastore(new BlobLocation(place.account(), place.endpoint(), place.container(), ""),
                tenantId);
    }

    /** The folder for one run's blobs in the staging store. */
    String folder(JobManifest.StagingPlace place, String workPrefix, String workflowId, String runId) {
        return "lake".equals(place.kind()) ? workPrefix + JobStore.FOLDER + "bes/"
                : settings.stagingPrefix() + workflowId + "/" + runId + "/";
    }

    /** Signs a blob and splits the URL into the service's {@code BaseLocation}, {@code RelativeLocation} and token. */
    Map<String, Object> reference(LakeStore store, String path, LakeAccess access) {
        String url = store.signedUrl(path, access, settings.sasValidity()).orElseThrow(() ->
                new dev.custommodels.models.CustomModelsException("The staging store " + store.describe()
                        + " cannot sign URLs, so a BES job cannot reach " + path + "."));
        URI uri = URI.create(url);
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("ConnectionString", null);
        ref.put("BaseLocation", uri.getScheme() + "://" + uri.getRawAuthority() + "/");
        String rawPath = uri.getRawPath();
        ref.put("RelativeLocation", rawPath.startsWith("/") ? rawPath.substring(1) : rawPath);
        ref.put("SasBlobToken", uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return ref;
    }
}

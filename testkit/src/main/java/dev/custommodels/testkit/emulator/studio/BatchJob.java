package dev.custommodels.testkit.emulator.studio;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One emulated BES job and its state machine: NotStarted, then (after start) Running on each status read until the
 * configured number of reads, when it reads its inputs through their URLs, scores them, writes its outputs and ends
 * Finished, or Failed with details; a cancel before the end makes it Cancelled. No wall clock is involved.
 */
final class BatchJob {
    private final String id;
    private final StudioWebService service;
    private final Map<String, String> inputUrls;
    private final Map<String, String> outputUrls;
    private final Map<String, Map<String, Object>> outputRefs;
    private final Map<String, String> parameters;
    private final String failWith;
    private String status = "NotStarted";
    private String details;
    private int reads;

    BatchJob(String id, StudioWebService service, Map<String, String> inputUrls, Map<String, String> outputUrls,
            Map<String, Map<String, Object>> outputRefs, Map<String, String> parameters, String failWith) {
        this.id = id;
        this.service = service;
        this.inputUrls = inputUrls;
        this.outputUrls = outputUrls;
        this.outputRefs = outputRefs;
        this.parameters = parameters;
        this.failWith = failWith;
    }

    String id() {
        return id;
    }

    StudioWebService service() {
        return service;
    }

    synchronized String status() {
        return status;
    }

    /** Starts the job; false when it is not NotStarted. */
    synchronized boolean start() {
        if (!status.equals("NotStarted")) {
            return false;
        }
        status = "Running";
        return true;
    }

    synchronized void cancel() {
        if (status.equals("NotStarted") || status.equals("Running")) {
            status = "Cancelled";
        }
    }

    /** Advances on a status read and returns the status body. */
    synchronized Map<String, Object> read(StudioClassicEmulator studio) {
        if (status.equals("Running") && ++reads >= studio.batchSteps()) {
            run(studio);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("StatusCode", status);
        body.put("Results", status.equals("Finished") ? outputRefs : null);
        body.put("Details", details);
        return body;
    }

    private void run(StudioClassicEmulator studio) {
        StudioServiceSpec spec = service.spec();
        List<Map<String, String>> firstRows = null;
        try {
            for (Map.Entry<String, String> in : inputUrls.entrySet()) {
                BlobTransfer.Result r = studio.blobs().get(in.getValue());
                if (r.status() != 200) {
                    fail((r.status() == 404 ? "BlobNotFound" : "InvalidBlob") + ": could not read the blob of input '"
                            + in.getKey() + "' (HTTP " + r.status() + ").");
                    return;
                }
                List<List<String>> records = SimpleCsv.parse(new String(r.body(), StandardCharsets.UTF_8));
                if (records.isEmpty()) {
                    fail("InputParseError: the blob of input '" + in.getKey() + "' is empty.");
                    return;
                }
                List<Map<String, String>> rows = ScoringEngine.rows(spec, in.getKey(), records.get(0),
                        records.subList(1, records.size()));
                firstRows = firstRows == null ? rows : firstRows;
            }
        } catch (ScoringEngine.Rejected e) {
            fail(e.detailCode + ": " + e.getMessage());
            return;
        }
        if (failWith != null) {
            fail(failWith);
            return;
        }
        Map<String, List<List<String>>> scored = ScoringEngine.score(spec, firstRows == null ? List.of() : firstRows,
                parameters);
        for (Map.Entry<String, String> out : outputUrls.entrySet()) {
            List<String> header = spec.outputs().get(out.getKey()).stream().map(StudioColumn::name).toList();
            byte[] csv = SimpleCsv.write(header, scored.get(out.getKey())).getBytes(StandardCharsets.UTF_8);
            BlobTransfer.Result r = studio.blobs().put(out.getValue(), csv);
            if (r.status() != 201) {
                fail("InvalidBlob: could not write the blob of output '" + out.getKey() + "' (HTTP " + r.status()
                        + ").");
                return;
            }
        }
        studio.rowsScored.addAndGet(firstRows == null ? 0 : firstRows.size());
        status = "Finished";
    }

    private void fail(String why) {
        status = "Failed";
        details = why;
    }
}

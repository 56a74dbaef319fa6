package dev.custommodels.testkit.emulator;

/**
 * One request an emulator received, for assertions.
 *
 * @param service the name of the service that handled it, or {@code null} when none matched
 * @param request the request
 * @param status the status answered
 * @param fault the fault injected instead of the service's answer, or {@code null}
 */
public record RecordedRequest(String service, EmulatorRequest request, int status, Fault fault) {
}

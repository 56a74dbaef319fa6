package dev.custommodels.testkit.emulator.batch;

import java.util.Map;
import java.util.Objects;

/**
 * A pipeline component version the emulator serves under {@code components/{name}/versions/{version}}.
 *
 * @param workspaceId the workspace's resource id
 * @param name the component name
 * @param version the version
 * @param componentSpec the component YAML as JSON-shaped maps ({@code type}, {@code inputs}, {@code outputs}, …)
 */
public record EmulatedComponentVersion(String workspaceId, String name, String version,
        Map<String, Object> componentSpec) {

    /**
     * Checks the parts and copies the spec's top level.
     *
     * @param workspaceId the workspace's resource id
     * @param name the component name
     * @param version the version
     * @param componentSpec the component YAML as JSON-shaped maps ({@code type}, {@code inputs}, {@code outputs}, …)
     */
    public EmulatedComponentVersion {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        componentSpec = Map.copyOf(Objects.requireNonNull(componentSpec, "componentSpec"));
    }

    /**
     * Returns the ARM resource id of the version, the asset id a deployment refers to.
     *
     * @return the id
     */
    public String id() {
        return workspaceId + "/components/" + name + "/versions/" + version;
    }

    /**
     * Returns the declared inputs.
     *
     * @return input name to its declaration (type, default, optional)
     */
    @SuppressWarnings("unchecked")
    public Map<String, Map<String, Object>> inputs() {
        Object v = componentSpec.get("inputs");
        return v instanceof Map ? (Map<String, Map<String, Object>>) v : Map.of();
    }

    /**
     * Returns the declared outputs.
     *
     * @return output name to its declaration (type)
     */
    @SuppressWarnings("unchecked")
    public Map<String, Map<String, Object>> outputs() {
        Object v = componentSpec.get("outputs");
        return v instanceof Map ? (Map<String, Map<String, Object>>) v : Map.of();
    }
}

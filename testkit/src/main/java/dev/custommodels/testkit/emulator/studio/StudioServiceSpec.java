package dev.custommodels.testkit.emulator.studio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an emulated web service looks like and does: its inputs, outputs and global parameters, its model, and its
 * endpoint's settings. Built with {@link #builder(String)}.
 */
public final class StudioServiceSpec {
    private final String name;
    private final String description;
    private final Map<String, List<StudioColumn>> inputs;
    private final Map<String, List<StudioColumn>> outputs;
    private final List<StudioParameter> parameters;
    private final StudioModel model;
    private final int maxConcurrentCalls;
    private final boolean apiLocation;
    private final boolean batch;

    private StudioServiceSpec(Builder b) {
        this.name = b.name;
        this.description = b.description;
        this.inputs = copy(b.inputs);
        this.outputs = copy(b.outputs);
        this.parameters = List.copyOf(b.parameters);
        this.model = b.model;
        this.maxConcurrentCalls = b.maxConcurrentCalls;
        this.apiLocation = b.apiLocation;
        this.batch = b.batch;
    }

    private static Map<String, List<StudioColumn>> copy(Map<String, List<StudioColumn>> m) {
        Map<String, List<StudioColumn>> c = new LinkedHashMap<>();
        m.forEach((k, v) -> c.put(k, List.copyOf(v)));
        return java.util.Collections.unmodifiableMap(c);
    }

    /**
     * Starts a builder.
     *
     * @param name the web service's name
     * @return the builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * Returns the name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the description.
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    /**
     * Returns the inputs in declaration order.
     *
     * @return input name to columns
     */
    public Map<String, List<StudioColumn>> inputs() {
        return inputs;
    }

    /**
     * Returns the outputs in declaration order.
     *
     * @return output name to columns
     */
    public Map<String, List<StudioColumn>> outputs() {
        return outputs;
    }

    /**
     * Returns the global parameters.
     *
     * @return the parameters
     */
    public List<StudioParameter> parameters() {
        return parameters;
    }

    /**
     * Returns the model.
     *
     * @return the model
     */
    public StudioModel model() {
        return model;
    }

    /**
     * Returns the endpoint's concurrency limit; more RRS requests at once get 503.
     *
     * @return the limit
     */
    public int maxConcurrentCalls() {
        return maxConcurrentCalls;
    }

    /**
     * Tells whether the endpoint reports an API location.
     *
     * @return {@code false} for a broken endpoint
     */
    public boolean hasApiLocation() {
        return apiLocation;
    }

    /**
     * Tells whether the endpoint offers batch execution.
     *
     * @return whether {@code /jobs} is served
     */
    public boolean batch() {
        return batch;
    }

    /** Builds a {@link StudioServiceSpec}. */
    public static final class Builder {
        private final String name;
        private String description = "";
        private final Map<String, List<StudioColumn>> inputs = new LinkedHashMap<>();
        private final Map<String, List<StudioColumn>> outputs = new LinkedHashMap<>();
        private final List<StudioParameter> parameters = new ArrayList<>();
        private StudioModel model = (row, params) -> Map.of();
        private int maxConcurrentCalls = 20;
        private boolean apiLocation = true;
        private boolean batch = true;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * Sets the description.
         *
         * @param text the description
         * @return this
         */
        public Builder description(String text) {
            this.description = text;
            return this;
        }

        /**
         * Adds an input.
         *
         * @param inputName the input's name, such as {@code input1}
         * @param columns its columns in order
         * @return this
         */
        public Builder input(String inputName, StudioColumn... columns) {
            inputs.put(inputName, List.of(columns));
            return this;
        }

        /**
         * Adds an output.
         *
         * @param outputName the output's name, such as {@code output1}
         * @param columns its columns in order
         * @return this
         */
        public Builder output(String outputName, StudioColumn... columns) {
            outputs.put(outputName, List.of(columns));
            return this;
        }

        /**
         * Adds a global parameter.
         *
         * @param parameter the parameter
         * @return this
         */
        public Builder parameter(StudioParameter parameter) {
            parameters.add(parameter);
            return this;
        }

        /**
         * Sets the model.
         *
         * @param scoring the model
         * @return this
         */
        public Builder model(StudioModel scoring) {
            this.model = Objects.requireNonNull(scoring, "scoring");
            return this;
        }

        /**
         * Sets the endpoint's concurrency limit (default 20).
         *
         * @param limit the limit
         * @return this
         */
        public Builder maxConcurrentCalls(int limit) {
            this.maxConcurrentCalls = limit;
            return this;
        }

        /**
         * Makes the endpoint report no API location, as a broken deployment does.
         *
         * @return this
         */
        public Builder withoutApiLocation() {
            this.apiLocation = false;
            return this;
        }

        /**
         * Chooses whether the endpoint offers batch execution (default {@code true}).
         *
         * @param offered whether {@code /jobs} is served
         * @return this
         */
        public Builder batch(boolean offered) {
            this.batch = offered;
            return this;
        }

        /**
         * Builds the spec.
         *
         * @return the spec
         */
        public StudioServiceSpec build() {
            return new StudioServiceSpec(this);
        }
    }
}

/** Runnable examples of custom-models. */
module dev.custommodels.examples {
    requires dev.custommodels.core;

    exports dev.custommodels.examples;
}

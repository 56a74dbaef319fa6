/**
 * Test support for custom-models: emulators of every remote API, contract suites for the SPIs, an Azurite
 * launcher, fault injection, and a JUnit 5 extension for host applications' own tests.
 */
module dev.custommodels.testkit {
    requires transitive dev.custommodels.core;
    requires transitive org.junit.jupiter.api;
    requires transitive org.assertj.core;
    requires jdk.httpserver;
    requires java.net.http;
    requires com.fasterxml.jackson.databind;
    requires reactor.core;

    exports dev.custommodels.testkit;
    exports dev.custommodels.testkit.contract;
    exports dev.custommodels.testkit.emulator;
    exports dev.custommodels.testkit.emulator.arm;
    exports dev.custommodels.testkit.emulator.pipeline;
    exports dev.custommodels.testkit.emulator.batch;
    exports dev.custommodels.testkit.junit;
}

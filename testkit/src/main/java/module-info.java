/**
 * Test support for custom-models: emulators of every remote API, contract suites for the SPIs, an Azurite
 * launcher, fault injection, and a JUnit 5 extension for host applications' own tests.
 */
module dev.custommodels.testkit {
    requires transitive dev.custommodels.core;
    requires transitive org.junit.jupiter.api;
    requires transitive org.assertj.core;
    requires jdk.httpserver;

    exports dev.custommodels.testkit.contract;
    requires com.azure.storage.blob;
    requires java.net.http;
    exports dev.custommodels.testkit.azurite;
    exports dev.custommodels.testkit.gateway;
    exports dev.custommodels.testkit.faults;
}

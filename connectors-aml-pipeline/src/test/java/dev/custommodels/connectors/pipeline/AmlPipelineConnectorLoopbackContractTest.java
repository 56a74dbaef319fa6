package dev.custommodels.connectors.pipeline;

/** The connector contract against the emulator over loopback HTTP, through azure-core's Netty client. */
class AmlPipelineConnectorLoopbackContractTest extends AmlPipelineConnectorContractTest {
    @Override
    boolean loopback() {
        return true;
    }
}

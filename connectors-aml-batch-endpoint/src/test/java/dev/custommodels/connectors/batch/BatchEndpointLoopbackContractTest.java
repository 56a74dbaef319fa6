package dev.custommodels.connectors.batch;

/** The connector contract suite against the batch endpoint emulator over loopback, through Netty. */
class BatchEndpointLoopbackContractTest extends BatchEndpointConnectorContractTest {
    @Override
    BatchTestbed testbed() throws Exception {
        return new BatchTestbed(dir).loopback();
    }
}

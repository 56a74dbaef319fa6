/** Internal code of the Azure Machine Learning pipeline connector; not exported, subject to change. */
package dev.custommodels.connectors.pipeline.implementation;

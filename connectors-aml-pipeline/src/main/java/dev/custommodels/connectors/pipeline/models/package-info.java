/** Exceptions of the Azure Machine Learning pipeline connector. */
package dev.custommodels.connectors.pipeline.models;

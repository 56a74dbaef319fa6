package dev.custommodels.models;

/** What a model parameter carries. */
public enum ParameterKind {
    /** A scalar value such as a string or a number. */
    VALUE,
    /** A dataset reference (an input data parameter). */
    DATASET,
    /** A datastore path reference (an input data parameter). */
    DATAPATH
}

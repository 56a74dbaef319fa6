package dev.custommodels.spi;

/** What a signed URL allows. */
public enum LakeAccess {
    /** Read and list. */
    READ,
    /** Create and write, without read. */
    WRITE
}

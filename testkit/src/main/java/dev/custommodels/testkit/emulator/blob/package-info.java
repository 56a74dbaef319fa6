/**
 * Test support: an emulated Blob endpoint that serves GET and PUT on {@code /blob/{account}/{container}/{blob}}
 * for requests carrying a valid signature, backed by lake stores, and a lake store decorator whose
 * {@code signedUrl()} mints such URLs, so emulated batch services can read and write through URLs as the real ones
 * do. Not a storage implementation: use Azurite or a real account for storage tests.
 */
package dev.custommodels.testkit.emulator.blob;

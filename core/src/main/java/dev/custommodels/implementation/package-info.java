/** Internal code; not exported, subject to change without notice. */
package dev.custommodels.implementation;

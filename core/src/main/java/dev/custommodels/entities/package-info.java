/** Entity sources: the host's typed tables, streamed row by row (in memory, CSV, JDBC). */
package dev.custommodels.entities;

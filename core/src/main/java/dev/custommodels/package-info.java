/** The client and its builder: workflows, runs, discovery and output queries. */
package dev.custommodels;

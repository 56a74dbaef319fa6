package dev.custommodels.output;

import java.util.Arrays;
import java.util.List;

/**
 * What to read from an output entity: an OData-style {@code $filter}, {@code $select} and {@code $top}, which
 * version ("as of run"), and the page size. Every option is optional; a default instance reads every row of the
 * current version.
 *
 * <p>The filter language is this subset of OData v4 {@code $filter}: comparisons {@code eq ne gt ge lt le};
 * {@code and}, {@code or}, {@code not} and parentheses; {@code in ('a', 'b')}; the functions
 * {@code contains(Attr, 'x')}, {@code startswith}, {@code endswith}; string literals in single quotes (a quote
 * inside is written twice: {@code 'O''Neil'}), numbers ({@code 42}, {@code -0.5}, {@code 1e3}), {@code true},
 * {@code false}, {@code null}, dates ({@code 2024-05-01}) and date-times with an offset
 * ({@code 2024-05-01T00:00:00Z}). Operators and function names are lower case; attribute names are exact and
 * must be identifiers (letters, digits, {@code _}). {@code null} compares only with {@code eq}/{@code ne}, and an
 * ordering comparison with a null value is false. A filter is at most 16,384 characters and nests at most 64
 * levels.
 *
 * <p>A filter whose every match must have one of a few Customer IDs ({@code CustomerId eq 'x'},
 * {@code CustomerId in (...)}, either combined with other conditions by {@code and}) reads only the partitions
 * and index blocks of those IDs. Rows come in storage order (grouped by Customer ID), not sorted.
 */
public final class OutputQueryOptions {
    /** The largest page size accepted. */
    public static final int MAX_PAGE_SIZE = 10_000;
    /** The page size used when none is set. */
    public static final int DEFAULT_PAGE_SIZE = 1_000;

    private String filter;
    private List<String> select;
    private Long top;
    private String asOfRunId;
    private int pageSize = DEFAULT_PAGE_SIZE;

    /** Creates options that read every row of the current version. */
    public OutputQueryOptions() {
    }

    /**
     * Returns the filter.
     *
     * @return the {@code $filter} text, or {@code null} for every row
     */
    public String getFilter() {
        return filter;
    }

    /**
     * Sets the filter, such as {@code CustomerId eq '5f0c'} or {@code Score gt 0.8 and Segment in ('a','b')}.
     *
     * @param filter the {@code $filter} text; {@code null} or blank for every row
     * @return these options
     */
    public OutputQueryOptions setFilter(String filter) {
        this.filter = filter == null || filter.isBlank() ? null : filter;
        return this;
    }

    /**
     * Returns the selected attributes.
     *
     * @return the attribute names, or {@code null} for all
     */
    public List<String> getSelect() {
        return select;
    }

    /**
     * Selects the attributes each row holds, in that order ({@code $select}).
     *
     * @param attributes attribute names; none for all
     * @return these options
     * @throws NullPointerException if a name is null
     */
    public OutputQueryOptions setSelect(String... attributes) {
        this.select = attributes == null || attributes.length == 0 ? null : List.copyOf(Arrays.asList(attributes));
        return this;
    }

    /**
     * Returns the row limit.
     *
     * @return the most rows returned, or {@code null} for no limit
     */
    public Long getTop() {
        return top;
    }

    /**
     * Limits the number of rows returned over all pages ({@code $top}).
     *
     * @param top the limit, zero or more, or {@code null} for none
     * @return these options
     * @throws IllegalArgumentException if the limit is negative
     */
    public OutputQueryOptions setTop(Long top) {
        if (top != null && top < 0) {
            throw new IllegalArgumentException("$top must be zero or more, got " + top + ".");
        }
        this.top = top;
        return this;
    }

    /**
     * Returns the run whose version is read.
     *
     * @return the run id, or {@code null} for the current version
     */
    public String getAsOfRunId() {
        return asOfRunId;
    }

    /**
     * Reads the version written by a given run instead of the current one; it must be one of the retained
     * versions (see {@link OutputEntityClient#listVersions(String)}).
     *
     * @param runId the run id, or {@code null} for the current version
     * @return these options
     */
    public OutputQueryOptions setAsOfRunId(String runId) {
        this.asOfRunId = runId;
        return this;
    }

    /**
     * Returns the page size.
     *
     * @return the rows per page
     */
    public int getPageSize() {
        return pageSize;
    }

    /**
     * Sets how many rows a page holds at most; {@code PagedIterable.byPage(int)} overrides it.
     *
     * @param pageSize from 1 to {@value #MAX_PAGE_SIZE}
     * @return these options
     * @throws IllegalArgumentException if the size is out of range
     */
    public OutputQueryOptions setPageSize(int pageSize) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("The page size must be from 1 to " + MAX_PAGE_SIZE + ", got "
                    + pageSize + ".");
        }
        this.pageSize = pageSize;
        return this;
    }
}

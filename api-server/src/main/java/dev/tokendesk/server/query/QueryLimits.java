package dev.tokendesk.server.query;

/**
 * Bounds on the size of a parsed query, so a crafted query string cannot make parsing or the SQL
 * it becomes arbitrarily large. Exceeding one is a 400.
 *
 * @param maxDepth maximum number of bracketed segments in one parameter name, as in {@code a[b][c]}
 * @param maxArrayLength maximum number of elements of one array, and one more than the highest index
 * @param maxParameters maximum number of parameter values in one query string
 */
public record QueryLimits(int maxDepth, int maxArrayLength, int maxParameters) {

    /** 20 levels, 100 elements and 1000 values: generous for Strapi queries, small enough to parse in microseconds. */
    public static final QueryLimits DEFAULT = new QueryLimits(20, 100, 1000);
}

/**
 * The validated form of a content list or read request: filters, sorting, paging, fields,
 * populate and publication status, as {@link dev.tokendesk.content.ContentService#query} runs it.
 *
 * <p>These types hold attribute names that were checked against the content type and typed values,
 * never query-string text; the HTTP layer builds them and the content package turns them into SQL
 * with bound parameters. Nothing here depends on HTTP or on the database.
 */
package dev.tokendesk.content.query;

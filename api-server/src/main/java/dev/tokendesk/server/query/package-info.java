/**
 * Parsing of Strapi query strings: {@link dev.tokendesk.server.query.QueryTree} turns the query
 * parameters into one nested tree as the {@code qs} library encodes it, and the parsers here turn
 * that tree into the validated {@link dev.tokendesk.content.query} types, checking every field and
 * operator against the content type before anything reaches SQL.
 *
 * <p>Every problem is an {@link dev.tokendesk.server.error.ApiException} 400 that names the
 * parameter, or a 403 from the permission check for relation targets. Depends on the content
 * model and the error types, not on Undertow handlers.
 */
package dev.tokendesk.server.query;

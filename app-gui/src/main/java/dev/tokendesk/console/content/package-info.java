/**
 * The Content screen (content types, their attributes and paged entries, schema and entry
 * imports) and the console's read-only view of content types for the Roles matrix and the token
 * dialog.
 */
package dev.tokendesk.console.content;

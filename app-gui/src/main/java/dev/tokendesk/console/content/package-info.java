/** The console's read-only view of content types, for the Roles matrix and the token dialog. */
package dev.tokendesk.console.content;

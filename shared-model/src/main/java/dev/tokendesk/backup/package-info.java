/**
 * Online backup of an open installation to one ZIP file, and restore of such a file into an
 * empty data directory. Depends on the database and key files only, never on HTTP or JavaFX.
 */
package dev.tokendesk.backup;

/** The console's own layout preferences (theme, window bounds, last screen), kept in the data directory. No JavaFX. */
package dev.tokendesk.console.preferences;

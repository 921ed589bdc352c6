/**
 * The JavaFX console: entry point, window frame and wiring. Each screen lives in its own
 * sub-package as a View (controls and bindings) and a ViewModel (properties and commands).
 * Nothing in the console is used by the API server or the shared model.
 */
package dev.tokendesk.console;

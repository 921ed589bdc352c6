/** The console's handle on the in-process API server: start, stop and observable state. */
package dev.tokendesk.console.server;

/** Settings screen: where the data lives, and the API server's bind address and port, saved for the next start. */
package dev.tokendesk.console.settings;

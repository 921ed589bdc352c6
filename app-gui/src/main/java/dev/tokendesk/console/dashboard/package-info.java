/** Dashboard screen: API server state and URL, user and token counts, traffic charts and recent authentication failures. */
package dev.tokendesk.console.dashboard;

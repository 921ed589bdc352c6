/** Dashboard screen: API server state and URL, user and token counts. */
package dev.tokendesk.console.dashboard;

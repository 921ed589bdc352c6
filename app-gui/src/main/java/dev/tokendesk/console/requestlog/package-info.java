/** Request log screen: the API server's recent requests, newest first, updated a few times a second. */
package dev.tokendesk.console.requestlog;

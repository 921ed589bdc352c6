/** In-process change events that keep caches and the console in step with the database. */
package dev.tokendesk.event;

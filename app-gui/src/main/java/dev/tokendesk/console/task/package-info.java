/** How the console runs slow work off the JavaFX application thread. Depends on nothing else in the console. */
package dev.tokendesk.console.task;

/** Execution of slow console work off the JavaFX application thread. Depends on nothing else in the console. */
package dev.tokendesk.console.task;

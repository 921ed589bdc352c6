/** How values read in the console's tables. Depends on nothing else in the console. */
package dev.tokendesk.console.display;

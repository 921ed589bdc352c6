/** Modal dialogs behind one interface, so that view models never open windows themselves. */
package dev.tokendesk.console.dialog;

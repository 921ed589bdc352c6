/** Turns service exceptions about bad input into messages shown next to form fields. */
package dev.tokendesk.console.form;

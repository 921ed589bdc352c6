/** Table columns, form fields and time formats shared by the screens. Depends on nothing else in the console. */
package dev.tokendesk.console.display;

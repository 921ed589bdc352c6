/** The console's look: the AtlantaFX theme in light or dark mode. */
package dev.tokendesk.console.look;

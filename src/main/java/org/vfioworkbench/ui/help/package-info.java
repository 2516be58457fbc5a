/**
 * The Help menu's pages: the keyboard shortcuts of every command (read from the action registry),
 * About with the versions the workbench runs on, and the documentation shipped inside the
 * application.
 */
package org.vfioworkbench.ui.help;

/**
 * Every command of the workbench defined once, as a ControlsFX {@code Action} with its text,
 * accelerator, graphic and enabled state, in a registry keyed by {@link
 * org.vfioworkbench.ui.actions.ActionIds}: menus, toolbar, context menus and the keyboard-shortcut
 * list are all made from it.
 */
package org.vfioworkbench.ui.actions;

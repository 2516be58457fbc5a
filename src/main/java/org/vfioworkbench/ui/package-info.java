/**
 * The JavaFX workbench: the application, the main window, menus and docking. Views and view models
 * live in sub-packages, one per docked view; the shared state is in {@code ui.state}.
 */
package org.vfioworkbench.ui;

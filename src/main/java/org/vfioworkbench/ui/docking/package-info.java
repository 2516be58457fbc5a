/** The window's docking area (BentoFX) and its saved layout. */
package org.vfioworkbench.ui.docking;

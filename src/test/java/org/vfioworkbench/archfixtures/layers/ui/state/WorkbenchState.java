package org.vfioworkbench.archfixtures.layers.ui.state;

/** Front-end state. */
public final class WorkbenchState {}

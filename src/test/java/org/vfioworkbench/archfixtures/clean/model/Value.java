package org.vfioworkbench.archfixtures.clean.model;

/** A value. */
public record Value(int n) {}

/**
 * Reading and writing the files the product handles, safely: only regular files are read and never
 * more than a documented {@link org.vfioworkbench.io.Limit}; every file the product writes goes
 * through {@link org.vfioworkbench.io.AtomicFiles}; {@link org.vfioworkbench.io.IoMessages} turns
 * failures into words without Java class names. No JavaFX, no Jackson.
 */
package org.vfioworkbench.io;

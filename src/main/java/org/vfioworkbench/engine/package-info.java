/**
 * The hot-reset engine: VFIO's derived state and the two hot-reset ioctls, evaluated as the Linux
 * kernel evaluates them, check by check, each check recorded in a trace.
 *
 * <p>Start at {@link org.vfioworkbench.engine.Analysis}: build one for a topology and a {@link
 * org.vfioworkbench.engine.Profile}, then ask its {@link
 * org.vfioworkbench.engine.HotResetSimulator} interface for {@code info} and {@code hotReset} on
 * any fd, scopes, dev-sets and reset variants. {@link org.vfioworkbench.engine.KernelCalls} changes
 * holders' files through the kernel's open and bind rules; {@link
 * org.vfioworkbench.engine.ProfileComparison} lists what two profiles answer differently.
 *
 * <p>No JavaFX, JNA or Jackson here: the engine depends on the model only.
 */
package org.vfioworkbench.engine;

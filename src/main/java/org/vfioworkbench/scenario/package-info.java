/**
 * Scenario files: JSON (format 1) read with Jackson into the records of {@code scenario.dto},
 * checked and mapped to a {@link org.vfioworkbench.model.Topology} plus hand-written {@link
 * org.vfioworkbench.scenario.Expectation}s, and written back atomically.
 *
 * <p>{@link org.vfioworkbench.scenario.ScenarioLoader} turns every problem with a file (syntax,
 * wrong types, unknown fields, dangling references, states the kernel would refuse) into one {@link
 * org.vfioworkbench.scenario.ScenarioException} naming the file, line, column and JSON path. {@link
 * org.vfioworkbench.scenario.ScenarioWriter} saves. {@link
 * org.vfioworkbench.scenario.ExpectationChecker} evaluates expectations with the engine.
 */
package org.vfioworkbench.scenario;

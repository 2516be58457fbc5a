/**
 * Guided lessons for newcomers: data files under {@code org/vfioworkbench/lessons/} that pair a
 * bundled sample scenario with a sequence of steps (text, highlights and tasks checked by the
 * engine).
 *
 * <p>{@link org.vfioworkbench.scenario.lesson.LessonLoader} reads one lesson file and checks it;
 * {@link org.vfioworkbench.scenario.lesson.LessonCatalog} lists the bundled lessons; {@link
 * org.vfioworkbench.scenario.lesson.TaskChecker} evaluates a task's goal on any topology with the
 * scenario expectation checker (hence the engine); {@link
 * org.vfioworkbench.scenario.lesson.LessonWalk} replays every task's solution through {@link
 * org.vfioworkbench.engine.KernelCalls} to prove the lesson can be completed. No JavaFX here: the
 * Learn perspective in {@code ui.learn} drives these classes.
 */
package org.vfioworkbench.scenario.lesson;

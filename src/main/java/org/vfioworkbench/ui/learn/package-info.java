/**
 * The Learn perspective: a welcome page (lessons and samples, shown on first run) and a lesson
 * panel that walks a learner through a lesson's steps, checking each task with the engine.
 *
 * <p>{@link org.vfioworkbench.ui.learn.LearnPane} is a self-contained JavaFX component driven by
 * {@link org.vfioworkbench.ui.learn.WelcomeViewModel} and {@link
 * org.vfioworkbench.ui.learn.LessonViewModel}; it talks to the workbench only through {@link
 * org.vfioworkbench.ui.learn.LearnHost}. {@link org.vfioworkbench.ui.learn.LearnPerspective} puts
 * it beside the workbench window with a Learn menu; {@link
 * org.vfioworkbench.ui.learn.WorkbenchLearnHost} adapts the workbench window to the host interface.
 */
package org.vfioworkbench.ui.learn;

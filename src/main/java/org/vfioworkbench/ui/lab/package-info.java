/**
 * The workbench's door to the kernel lab: recorded verdicts of samples and "Verify on a real
 * kernel".
 */
package org.vfioworkbench.ui.lab;

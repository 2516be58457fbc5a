package org.vfioworkbench.ui.trace;

/**
 * One kernel check of a call.
 *
 * @param step 1-based position
 * @param function the kernel function the check mirrors
 * @param fact what it found
 * @param verdict PASS, NOTE, FAIL or SUCCESS
 */
public record TraceRow(int step, String function, String fact, String verdict) {}

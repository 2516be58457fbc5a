/**
 * The review report: the engine's answers for a scenario (topology with groups, dev-sets and
 * holders, INFO and every reset outcome per device fd, the deciding trace steps, what QEMU would
 * print, profile differences, diagnostics) as plain text or Markdown. One generator shared by the
 * command line and the workbench; the views copy the same lines for their part of it.
 */
package org.vfioworkbench.engine.report;

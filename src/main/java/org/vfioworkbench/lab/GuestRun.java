package org.vfioworkbench.lab;

import java.time.Duration;
import org.vfioworkbench.lab.guest.GuestReport;

/**
 * One finished guest run.
 *
 * @param report what the guest reported
 * @param elapsed from QEMU start to power-off
 * @param runnerStart from QEMU start to the guest runner's first line (boot plus JVM start)
 * @param console the guest console's last lines, for diagnosis
 */
public record GuestRun(
    GuestReport report, Duration elapsed, Duration runnerStart, String console) {}

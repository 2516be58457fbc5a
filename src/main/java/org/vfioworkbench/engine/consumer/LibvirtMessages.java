package org.vfioworkbench.engine.consumer;

import org.vfioworkbench.model.Bdf;

/**
 * The errors libvirt's {@code virPCIDeviceReset} reports, with libvirt's format strings ({@code
 * %1$s} is Java's too). An error of class {@code VIR_ERR_INTERNAL_ERROR} reads "internal error: "
 * followed by the message, and the outer error quotes the inner one, which is how users see them.
 */
public final class LibvirtMessages {

  /** {@code virPCIDeviceTrySecondaryBusReset}: another function on the bus is in use. */
  public static final String ACTIVE_ON_BUS =
      "Active %1$s devices on bus with %2$s, not doing bus reset";

  /** {@code virPCIDeviceReset}: every method failed. */
  public static final String UNABLE_TO_RESET = "Unable to reset PCI device %1$s: %2$s";

  /** {@code virPCIDeviceReset}: the fallback reason when no inner error was reported. */
  public static final String NO_METHOD = "no FLR, PM reset or bus reset available";

  /** {@code virPCIDeviceReset}: the device is assigned to a running domain. */
  public static final String NOT_RESETTING_ACTIVE = "Not resetting active device %1$s";

  /** {@code virPCIDeviceReset}: bridges and other non-endpoints. */
  public static final String NOT_ENDPOINT =
      "Invalid attempt to reset PCI device %1$s. Only PCI endpoint devices can be reset";

  /** The prefix of {@code VIR_ERR_INTERNAL_ERROR} messages. */
  public static final String INTERNAL = "internal error: ";

  private LibvirtMessages() {}

  public static String activeOnBus(Bdf conflict, Bdf device) {
    return INTERNAL + String.format(ACTIVE_ON_BUS, conflict, device);
  }

  public static String unableToReset(Bdf device, String inner) {
    return INTERNAL + String.format(UNABLE_TO_RESET, device, inner);
  }
}

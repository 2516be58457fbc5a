package org.vfioworkbench.ui.info;

/**
 * One {@code vfio_pci_dependent_device} as shown: index, address, raw id and what it means.
 *
 * @param index position in the array
 * @param bdf segment:bus:devfn as an address
 * @param rawId the u32 in hex
 * @param meaning "group 21", "devid 1", "OWNED" or "NOT_OWNED"
 * @param changed in compare mode, what the other profile reports instead (empty when equal)
 */
public record InfoEntryRow(int index, String bdf, String rawId, String meaning, String changed) {}

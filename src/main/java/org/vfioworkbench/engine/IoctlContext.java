package org.vfioworkbench.engine;

/**
 * What both hot-reset ioctls consult: the PCI index and reset scopes, VFIO's state, the fd gate,
 * the devid resolver and the profile. One per {@link Analysis}.
 */
record IoctlContext(
    FileTable files,
    PciIndex pci,
    ResetScopes scopes,
    VfioState state,
    CallerGate gate,
    DevIdResolver devids,
    Profile profile) {}

package org.vfioworkbench.ui.info;

import java.util.List;

/**
 * The INFO reply as the view shows it.
 *
 * @param caller which fd the ioctl was called on, or why there is none
 * @param ret "0" or "-ENOSPC"
 * @param argsz the header's argsz
 * @param flags "0x3 (DEV_ID | DEV_ID_OWNED)", or "not written"
 * @param count the header's count, or "not written"
 * @param entries the entries copied out
 * @param note a sentence explaining the reply
 * @param compare in compare mode, the other profile's one-line reply (empty otherwise)
 */
public record InfoReply(
    String caller,
    String ret,
    String argsz,
    String flags,
    String count,
    List<InfoEntryRow> entries,
    String note,
    String compare) {

  public InfoReply {
    entries = List.copyOf(entries);
  }

  public static InfoReply none(String why) {
    return new InfoReply(why, "", "", "", "", List.of(), "", "");
  }
}

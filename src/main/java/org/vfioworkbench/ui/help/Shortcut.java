package org.vfioworkbench.ui.help;

/**
 * One line of the keyboard-shortcut list.
 *
 * @param command what the command is called, without mnemonic marks
 * @param keys the accelerator as the platform shows it ("Ctrl+Z")
 */
public record Shortcut(String command, String keys) {}

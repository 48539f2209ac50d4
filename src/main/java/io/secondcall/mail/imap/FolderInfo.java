package io.secondcall.mail.imap;

import io.secondcall.port.MailFolder;

/**
 * One folder as {@code secondcall check} reports it.
 *
 * @param name the real name the role maps to
 * @param exists whether the server has it and it can hold messages
 * @param messages how many it holds (0 when it does not exist)
 * @param writable whether secondcall may add to it (false when it does not exist)
 */
public record FolderInfo(MailFolder role, String name, boolean exists, int messages, boolean writable) {}

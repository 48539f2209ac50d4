package io.secondcall.port;

/**
 * A folder secondcall has written to is not there any more (renamed or deleted by the user, or
 * a changed config). Unlike an empty folder, its absence says nothing about what the user did
 * with the messages in it.
 */
public class FolderMissingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final MailFolder folder;

  public FolderMissingException(MailFolder folder, String name) {
    super("the " + folder.name().toLowerCase(java.util.Locale.ROOT) + " folder \"" + name + "\" does not exist");
    this.folder = folder;
  }

  public MailFolder folder() {
    return folder;
  }
}

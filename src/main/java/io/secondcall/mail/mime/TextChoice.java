package io.secondcall.mail.mime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which part of a message holds its readable text: the first inline text/plain part, depth
 * first, or else the first inline text/html part. Attached messages (message/rfc822) are not
 * entered: their text is not this message's. One rule over any part tree, an IMAP body
 * structure or a Gmail payload.
 */
public final class TextChoice {

  /** Nesting deeper than this is no real mail: such a part is not looked into. */
  private static final int MAX_DEPTH = 10;

  /** The chosen part, where it is (child indexes from the root, from 0) and whether it is HTML. */
  public record Choice<P>(P part, List<Integer> path, boolean html) {}

  /** How to look at the parts of one kind of tree. */
  public interface Tree<P> {

    /** "text/plain", "multipart/mixed" ..., or null when unknown. */
    String mimeType(P part);

    /** The children of a multipart part, in order. */
    List<P> children(P part);

    /** Content-Disposition attachment: not the message's own text. */
    boolean isAttachment(P part);
  }

  private TextChoice() {}

  /** The text part of the message whose root part is {@code root}, or null when it has none. */
  public static <P> Choice<P> choose(P root, Tree<P> tree) {
    Choice<P> plain = find(root, tree, "text/plain", new ArrayList<>());
    return plain != null ? plain : find(root, tree, "text/html", new ArrayList<>());
  }

  private static <P> Choice<P> find(P part, Tree<P> tree, String wanted, List<Integer> path) {
    String type = tree.mimeType(part) == null ? "" : tree.mimeType(part).toLowerCase(Locale.ROOT);
    if (type.startsWith("multipart/")) {
      if (path.size() >= MAX_DEPTH) {
        return null;
      }
      List<P> children = tree.children(part);
      for (int i = 0; children != null && i < children.size(); i++) {
        path.add(i);
        Choice<P> found = find(children.get(i), tree, wanted, path);
        path.remove(path.size() - 1);
        if (found != null) {
          return found;
        }
      }
      return null;
    }
    if (!type.equals(wanted) || tree.isAttachment(part)) {
      return null;
    }
    return new Choice<>(part, List.copyOf(path), wanted.equals("text/html"));
  }
}

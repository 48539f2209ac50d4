package io.secondcall.google;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * {@code auth google --paste}: Google sends the browser to a fixed loopback address where nothing
 * listens, the browser shows that it cannot connect, and the user copies the address from the
 * address bar into the terminal. Google no longer offers the out-of-band code page for this, but
 * allows any loopback address to a Desktop app client. Whatever happens to listen on that port
 * on the user's computer cannot use the code: redeeming it takes the PKCE verifier, which never
 * leaves this process.
 */
final class PastedAnswer implements ConsentReceiver {

  /** Where Google sends the browser; nothing needs to listen there. */
  static final String REDIRECT_URI = "http://127.0.0.1:8399/callback";
  /** What a bare code may look like: Google's are {@code 4/0A...}; no spaces, no separators of a query. */
  private static final Pattern BARE_CODE = Pattern.compile("[A-Za-z0-9/_.~+\\-]{4,}");

  private final BufferedReader in;

  PastedAnswer(BufferedReader in) {
    this.in = in;
  }

  @Override
  public String getRedirectUri() {
    return REDIRECT_URI;
  }

  @Override
  public void instruct(PrintWriter out, String consentUrl) {
    out.println("Open this address in a browser, on any computer, and allow secondcall the access it asks for:");
    out.println();
    out.println("  " + consentUrl);
    out.println();
    out.println("Google then sends the browser to " + REDIRECT_URI + "?code=..., which shows that it cannot");
    out.println("connect: that is expected. Copy the whole address from the browser's address bar (or only");
    out.println("the code= value) and paste it here, then press Enter:");
    out.flush();
  }

  /**
   * Reads one line: the redirected address, its query, or the bare code.
   *
   * @throws IllegalArgumentException when nothing was pasted or it holds no code
   * @throws ConsentDeclinedException when the address carries Google's error instead of a code
   */
  @Override
  public String waitForCode() throws IOException {
    String line = in.readLine();
    if (line == null || line.isBlank()) {
      throw new IllegalArgumentException("nothing was pasted: paste the address the browser went to after the"
          + " consent (it starts with " + REDIRECT_URI + "?)");
    }
    String pasted = line.strip();
    if (pasted.startsWith("http://") || pasted.startsWith("https://")) {
      return ConsentReceiver.codeOf(pasted);
    }
    if (pasted.contains("code=") || pasted.contains("error=")) {
      // The query alone, with or without its "?".
      return ConsentReceiver.codeOf(REDIRECT_URI + "?" + pasted.substring(pasted.indexOf('?') + 1));
    }
    // A code copied out of the address bar is still percent-encoded (4%2F0A...).
    String code = URLDecoder.decode(pasted, StandardCharsets.UTF_8);
    if (!BARE_CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("the pasted text is neither the address the browser went to nor a code:"
          + " paste the whole address from the address bar");
    }
    return code;
  }

  @Override
  public void stop() {
    // Standard input belongs to the caller: nothing to close.
  }
}

package io.secondcall.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;

/** A throwaway CalDAV server on loopback (Radicale, Xandikos), for suites that run on each. */
public interface CalDavServer extends AutoCloseable {

  /** The password of every user this server makes. */
  String password();

  int port();

  /** A new user; servers without logins accept any name. */
  String newUser() throws IOException;

  /** Creates an empty calendar collection of {@code user} (MKCALENDAR) and returns its URL. */
  URI newCalendar(String user) throws IOException, InterruptedException;

  /** Sends a request as {@code user}, as another calendar app would, past the code under test. */
  HttpResponse<String> send(String user, String method, URI url, String contentType, String body)
      throws IOException, InterruptedException;

  /** The decoded paths of the resources in a collection, the collection itself left out. */
  List<String> members(String user, URI collection) throws IOException, InterruptedException;

  /** The server's log, for failure messages. */
  String log();

  @Override
  void close();
}

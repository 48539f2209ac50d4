package io.secondcall.mail.gmail;

import io.secondcall.mail.MailSeed;
import io.secondcall.mail.MailboxContract;
import io.secondcall.mail.MessageContentContract;
import io.secondcall.port.Mailbox;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The mailbox contracts that run on GreenMail and Dovecot, on the fake Gmail API through the
 * real Google client: folders are the SENT, DRAFT and INBOX labels and a user label for stops.
 */
class GmailMailboxIT implements MailboxContract, MessageContentContract {

  @RegisterExtension
  final GmailFixture fixture = new GmailFixture();

  @Override
  public Mailbox mailbox() {
    return fixture.mailbox();
  }

  @Override
  public MailSeed seed() {
    return fixture.seed();
  }

  @Override
  public String sentFolder() {
    return "SENT";
  }

  @Override
  public String draftsFolder() {
    return "DRAFT";
  }

  @Override
  public String stopFolder() {
    return GmailFixture.STOP;
  }
}

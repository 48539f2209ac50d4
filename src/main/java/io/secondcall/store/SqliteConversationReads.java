package io.secondcall.store;

import io.secondcall.core.Conversation;
import io.secondcall.core.EmailAddress;
import io.secondcall.port.StateStore;
import io.secondcall.port.StepRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The reads of {@link SqliteStateStore} that find conversations and their steps, each answered
 * from an index. Synchronised on the store, as all its methods are.
 */
abstract class SqliteConversationReads implements StateStore {

  final ConversationTables conversations;

  SqliteConversationReads(ConversationTables conversations) {
    this.conversations = conversations;
  }

  @Override
  public synchronized Optional<Conversation> conversation(String id) {
    return conversations.conversation(id);
  }

  @Override
  public synchronized List<Conversation> conversations() {
    return conversations.conversations();
  }

  @Override
  public synchronized List<Conversation> activeConversations() {
    return conversations.activeConversations();
  }

  @Override
  public synchronized List<Conversation> activeWithDomain(String domain) {
    return conversations.activeWithDomain(domain);
  }

  @Override
  public synchronized List<Conversation> activeInThread(String threadId) {
    return conversations.activeInThread(threadId);
  }

  @Override
  public synchronized List<Conversation> conversationsWith(EmailAddress address) {
    return conversations.conversationsWith(address.address());
  }

  @Override
  public synchronized Optional<String> conversationOfMessage(String messageId) {
    return conversations.conversationOfMessage(messageId);
  }

  @Override
  public synchronized Optional<StepRecord> step(String secondcallId) {
    return conversations.step(secondcallId);
  }

  @Override
  public synchronized List<StepRecord> steps(String conversationId) {
    return conversations.steps(conversationId);
  }

  @Override
  public synchronized List<StepRecord> stepsIn(StepRecord.State state) {
    return conversations.stepsIn(state);
  }

  @Override
  public synchronized List<StepRecord> stepsChangedSince(StepRecord.State state, Instant since) {
    return conversations.stepsChangedSince(state, since);
  }

  @Override
  public synchronized int countPreparedBetween(Instant from, Instant to) {
    return conversations.countPreparedBetween(from, to);
  }
}

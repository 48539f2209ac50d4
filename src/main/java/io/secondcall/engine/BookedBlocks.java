package io.secondcall.engine;

import io.secondcall.core.Conversation;
import io.secondcall.port.CallbackBlock;
import io.secondcall.port.CallbackRecord;
import io.secondcall.port.StateStore;
import io.secondcall.template.Templates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The callback blocks in the calendar as they were written, rebuilt from the state by the same
 * {@link BlockWriter}: for the subscribable calendar feed of the pipeline page.
 */
public final class BookedBlocks {

  private final StateStore store;
  private final BlockWriter writer;

  public BookedBlocks(StateStore store, EngineSettings settings, Templates templates) {
    this.store = store;
    this.writer = new BlockWriter(settings, templates);
  }

  /** Booked blocks that end after {@code from}, by start. */
  public List<CallbackBlock> from(Instant from) {
    List<CallbackBlock> blocks = new ArrayList<>();
    for (CallbackRecord cb : store.callbacksIn(CallbackRecord.State.BOOKED, from.minus(Callbacks.LONGEST_BLOCK))) {
      if (!cb.time().end().isAfter(from)) {
        continue;
      }
      Optional<Conversation> c = store.conversation(cb.conversationId());
      if (c.isPresent()) {
        blocks.add(writer.block(c.get(), cb, Optional.ofNullable(cb.stepId()).flatMap(store::step)));
      }
    }
    return blocks;
  }
}

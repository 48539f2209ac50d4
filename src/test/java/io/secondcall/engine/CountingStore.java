package io.secondcall.engine;

import io.secondcall.port.StateStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * A {@link StateStore} in front of another that counts what the engine asks of it: the calls by
 * method name, the rows they returned, and the outermost transactions (each a commit). A hook
 * can fail a call, like a message the rules cannot cope with.
 */
final class CountingStore {

  final Map<String, Integer> calls = new HashMap<>();
  int rows;
  int commits;
  /** Called before every call with its method name and arguments; may throw. */
  BiConsumer<String, Object[]> before = (name, args) -> { };
  private int depth;
  final StateStore store;

  CountingStore(StateStore target) {
    this.store = (StateStore) Proxy.newProxyInstance(StateStore.class.getClassLoader(),
        new Class<?>[] {StateStore.class}, (proxy, method, args) -> call(target, method, args));
  }

  private Object call(StateStore target, Method method, Object[] args) throws Throwable {
    String name = method.getName();
    before.accept(name, args == null ? new Object[0] : args);
    calls.merge(name, 1, Integer::sum);
    boolean transaction = name.equals("inTransaction");
    if (transaction) {
      depth++;
    }
    try {
      Object result = method.invoke(target, args);
      if (transaction && depth == 1) {
        commits++;
      }
      rows += rowsIn(result);
      return result;
    } catch (InvocationTargetException e) {
      throw e.getCause();
    } finally {
      if (transaction) {
        depth--;
      }
    }
  }

  private static int rowsIn(Object result) {
    if (result instanceof Collection<?> c) {
      return c.size();
    }
    if (result instanceof Optional<?> o) {
      return o.isPresent() ? 1 : 0;
    }
    return result == null || result instanceof Number || result instanceof Boolean ? 0 : 1;
  }

  int calls(String name) {
    return calls.getOrDefault(name, 0);
  }

  void reset() {
    calls.clear();
    rows = 0;
    commits = 0;
  }
}

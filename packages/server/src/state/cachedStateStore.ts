import type { StateStore } from "./StateStore.ts";

/**
 * Keeps the hot reads of every request — session, user, settings — in memory and drops them on any
 * write through this store. Exact only when this process is the store's sole writer, which holds for
 * the embedded DuckDB store (the file is locked by the server); never wrap a shared PostgreSQL store.
 *
 * @example
 * const state = cachedStateStore(sqlStateStore(engine.state));
 */
export function cachedStateStore(inner: StateStore): StateStore {
  const memo = new Map<string, Promise<unknown>>();
  const read = <T>(key: string, load: () => Promise<T>): Promise<T> => {
    const hit = memo.get(key);
    if (hit) return hit as Promise<T>;
    const value = load();
    memo.set(key, value);
    value.catch(() => memo.delete(key));
    return value;
  };
  const write =
    <A extends unknown[], R>(f: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await f(...args);
      } finally {
        memo.clear();
      }
    };
  return {
    ...inner,
    getUser: (id) => read(`user:${id}`, () => inner.getUser(id)),
    getSession: (hash) => read(`session:${hash}`, () => inner.getSession(hash)),
    getSetting: (key) => read(`setting:${key}`, () => inner.getSetting(key)),
    createUser: write(inner.createUser.bind(inner)),
    updateUser: write(inner.updateUser.bind(inner)),
    createSession: write(inner.createSession.bind(inner)),
    extendSession: write(inner.extendSession.bind(inner)),
    deleteSession: write(inner.deleteSession.bind(inner)),
    deleteUserSessions: write(inner.deleteUserSessions.bind(inner)),
    putSetting: write(inner.putSetting.bind(inner)),
  };
}

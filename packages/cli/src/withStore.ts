import { openStore, type Store } from "@vafa/duckdb";

/** Opens the store at `path`, runs `work`, and always closes it. */
export async function withStore<T>(path: string, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(path);
  try {
    return await work(store);
  } finally {
    store.close();
  }
}

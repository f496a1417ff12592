import { createStore, getMany, keys, promisifyRequest } from 'idb-keyval';

export const DB_NAME = 'ar-studio';
export const STORE_NAME = 'drafts';

/** The few operations the drafts need, so tests can run them on any IndexedDB (or none). */
export interface DraftDb {
  keys(): Promise<string[]>;
  getMany(keys: string[]): Promise<unknown[]>;
  /** Writes and deletes in one transaction: either all of it is stored or none of it. */
  write(puts: Array<[string, unknown]>, deletes: string[]): Promise<void>;
}

/** The browser's IndexedDB through idb-keyval, or null when the page has none (some private modes). */
export function openDraftDb(): DraftDb | null {
  if (typeof indexedDB === 'undefined') return null;
  const store = createStore(DB_NAME, STORE_NAME);
  return {
    keys: async () => (await keys(store)).filter((k): k is string => typeof k === 'string'),
    // async, so that a synchronous refusal to open (some private modes) arrives as a rejection.
    getMany: async (wanted) => getMany(wanted, store),
    write: async (puts, deletes) =>
      store('readwrite', (objects) => {
        for (const key of deletes) objects.delete(key);
        for (const [key, value] of puts) objects.put(value, key);
        return promisifyRequest(objects.transaction);
      }),
  };
}

export class StorageTimeout extends Error {
  override name = 'StorageTimeout';
}

/** Storage that never answers (a database blocked by another window) must not keep the page from opening. */
export function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new StorageTimeout(`no answer within ${ms / 1000} s`)), ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** What went wrong with the browser's storage, in words an admin can act on. */
export function storageTrouble(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'QuotaExceededError') return 'the browser’s storage for this page is full';
  if (name === 'StorageTimeout') {
    return 'the browser’s storage did not answer (another window of this page may be holding it)';
  }
  if (name === 'SecurityError' || name === 'InvalidStateError' || name === 'UnknownError') {
    return 'the browser does not let this page store data (private browsing, or site data blocked)';
  }
  return `the browser’s storage failed (${error instanceof Error ? error.message : String(error)})`;
}

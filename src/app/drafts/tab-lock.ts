/**
 * One tab edits the stored draft at a time. The editing tab holds a Web Lock; any other tab waits for it
 * read-only and may take over, which first asks the editing tab (over a BroadcastChannel) to save what it
 * has. A tab whose lock is taken becomes read-only; when the editing tab closes, the lock passes on by itself.
 */

export type TabRole = 'editing' | 'waiting';
/** Why the role is what it is: at start-up, another tab took over, the editing tab went away, or this tab took over. */
export type TabChange = 'started' | 'taken' | 'granted' | 'took';

export const LOCK_NAME = 'ar-studio:draft';
/** How long a tab taking over waits for the editing tab to save before it takes over anyway. */
export const FLUSH_WAIT_MS = 1500;

type Message = { type: 'flush'; id: string } | { type: 'flushed'; id: string } | { type: 'saved' };

export interface TabChannel {
  postMessage(message: Message): void;
  onmessage: ((event: { data: Message }) => void) | null;
  close(): void;
}

export interface TabLock {
  /** False without Web Locks (an insecure origin, an old browser): every tab then edits, as before. */
  readonly coordinated: boolean;
  role(): TabRole;
  /** Called with each change of role. */
  onChange(listener: (role: TabRole, why: TabChange) => void): () => void;
  /** Called in a waiting tab each time the editing tab has saved. */
  onSavedElsewhere(listener: () => void): () => void;
  /** What the editing tab runs when another tab is about to take over: save everything now. */
  setFlush(flush: () => Promise<void>): void;
  announceSaved(): void;
  takeOver(): Promise<void>;
  close(): void;
}

export interface TabEnvironment {
  locks: LockManager | undefined;
  channel: TabChannel | null;
}

export function browserTabEnvironment(): TabEnvironment {
  const locks = globalThis.navigator?.locks;
  const channel =
    typeof BroadcastChannel === 'undefined'
      ? null
      : (new BroadcastChannel(LOCK_NAME) as unknown as TabChannel);
  return { locks, channel };
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export async function claimTab({ locks, channel }: TabEnvironment): Promise<TabLock> {
  let role: TabRole = 'editing';
  let release: (() => void) | null = null;
  let waiting: AbortController | null = null;
  let flush: () => Promise<void> = async () => {};
  const changeListeners = new Set<(role: TabRole, why: TabChange) => void>();
  const savedListeners = new Set<() => void>();
  const acks = new Map<string, () => void>();

  const become = (next: TabRole, why: TabChange) => {
    role = next;
    for (const listener of changeListeners) listener(role, why);
  };
  // The lock is held for as long as the promise the callback returns is pending: until the tab closes.
  const hold = (why: TabChange) => {
    waiting = null;
    become('editing', why);
    return new Promise<void>((resolve) => {
      release = resolve;
    });
  };
  // A held lock ends only when another tab steals it (an AbortError); any other failure leaves this tab as it is.
  const lost = (error: unknown) => {
    if (!isAbort(error)) return;
    release = null;
    become('waiting', 'taken');
    queue();
  };
  const queue = () => {
    if (!locks) return;
    const controller = new AbortController();
    waiting = controller;
    locks
      .request(LOCK_NAME, { signal: controller.signal }, () => hold('granted'))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) lost(error);
      });
  };

  if (channel) {
    channel.onmessage = ({ data }) => {
      if (data.type === 'flush' && role === 'editing') {
        void flush().finally(() => channel.postMessage({ type: 'flushed', id: data.id }));
      } else if (data.type === 'flushed') {
        acks.get(data.id)?.();
      } else if (data.type === 'saved' && role === 'waiting') {
        for (const listener of savedListeners) listener();
      }
    };
  }

  let coordinated = locks !== undefined;
  if (locks) {
    const got = await new Promise<boolean | 'refused'>((resolve) => {
      locks
        .request(LOCK_NAME, { ifAvailable: true }, (lock) => {
          resolve(lock !== null);
          return lock ? hold('started') : undefined;
        })
        .then(
          () => resolve(false),
          (error: unknown) => {
            // A browser that refuses locks here (a sandboxed frame) leaves the tab uncoordinated, as without them.
            resolve('refused');
            lost(error);
          },
        );
    });
    if (got === 'refused') coordinated = false;
    else if (!got) {
      role = 'waiting';
      queue();
    }
  }

  return {
    coordinated,
    role: () => role,
    onChange(listener) {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
    onSavedElsewhere(listener) {
      savedListeners.add(listener);
      return () => savedListeners.delete(listener);
    },
    setFlush(next) {
      flush = next;
    },
    announceSaved() {
      channel?.postMessage({ type: 'saved' });
    },
    async takeOver() {
      if (!locks || role === 'editing') return;
      if (channel) {
        const id = `${Date.now()}-${Math.random()}`;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, FLUSH_WAIT_MS);
          acks.set(id, () => {
            clearTimeout(timer);
            resolve();
          });
          channel.postMessage({ type: 'flush', id });
        });
        acks.delete(id);
      }
      waiting?.abort();
      await new Promise<void>((resolve) => {
        locks
          .request(LOCK_NAME, { steal: true }, () => {
            resolve();
            return hold('took');
          })
          .catch(lost);
      });
    },
    close() {
      waiting?.abort();
      release?.();
      channel?.close();
      changeListeners.clear();
      savedListeners.clear();
    },
  };
}

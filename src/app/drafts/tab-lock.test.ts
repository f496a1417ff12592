import { describe, expect, it, vi } from 'vitest';
import { claimTab, type TabChange, type TabChannel, type TabRole } from './tab-lock';

type Callback = (lock: Lock | null) => unknown;

/** The exclusive Web Locks the tab lock uses (ifAvailable, steal, signal), for one lock name. */
class FakeLocks {
  private held: { reject: (error: unknown) => void } | null = null;
  private queue: Array<{ grant: () => void }> = [];

  request(_name: string, options: LockOptions, callback: Callback): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const grant = () => {
        const entry = { reject };
        this.held = entry;
        Promise.resolve(callback({ name: _name, mode: 'exclusive' } as Lock)).then((value) => {
          if (this.held === entry) {
            this.held = null;
            this.queue.shift()?.grant();
          }
          resolve(value);
        });
      };
      if (options.steal) {
        this.held?.reject(new DOMException('The lock was stolen.', 'AbortError'));
        grant();
      } else if (!this.held) {
        grant();
      } else if (options.ifAvailable) {
        Promise.resolve(callback(null)).then(resolve);
      } else {
        const item = { grant };
        this.queue.push(item);
        options.signal?.addEventListener('abort', () => {
          this.queue = this.queue.filter((q) => q !== item);
          reject(new DOMException('Aborted.', 'AbortError'));
        });
      }
    });
  }
}

function channels() {
  const members = new Set<TabChannel>();
  return (): TabChannel => {
    const channel: TabChannel = {
      onmessage: null,
      postMessage(data) {
        for (const other of members) if (other !== channel) queueMicrotask(() => other.onmessage?.({ data }));
      },
      close: () => members.delete(channel),
    };
    members.add(channel);
    return channel;
  };
}

async function twoTabs() {
  const locks = new FakeLocks() as unknown as LockManager;
  const channel = channels();
  const first = await claimTab({ locks, channel: channel() });
  const second = await claimTab({ locks, channel: channel() });
  const seen = (tab: typeof first) => {
    const log: Array<[TabRole, TabChange]> = [];
    tab.onChange((role, why) => log.push([role, why]));
    return log;
  };
  return { first, second, firstLog: seen(first), secondLog: seen(second) };
}

describe('tab lock', () => {
  it('lets the first tab edit and the second wait', async () => {
    const { first, second } = await twoTabs();
    expect([first.role(), second.role()]).toEqual(['editing', 'waiting']);
    expect(first.coordinated).toBe(true);
  });

  it('takes over after the editing tab has saved, and that tab becomes read-only', async () => {
    const { first, second, firstLog, secondLog } = await twoTabs();
    const order: string[] = [];
    first.setFlush(async () => {
      order.push('flushed');
    });
    first.onChange((role) => order.push(`first ${role}`));
    await second.takeOver();
    expect(order).toEqual(['flushed', 'first waiting']);
    expect(firstLog).toEqual([['waiting', 'taken']]);
    expect(secondLog).toEqual([['editing', 'took']]);

    // The first tab can take it back; the lock moves once each way.
    await first.takeOver();
    expect([first.role(), second.role()]).toEqual(['editing', 'waiting']);
  });

  it('hands editing to the waiting tab when the editing tab closes', async () => {
    const { first, second, secondLog } = await twoTabs();
    first.close();
    await vi.waitFor(() => expect(second.role()).toBe('editing'));
    expect(secondLog).toEqual([['editing', 'granted']]);
  });

  it('tells waiting tabs that the editing tab saved', async () => {
    const { first, second } = await twoTabs();
    const saved = vi.fn();
    second.onSavedElsewhere(saved);
    first.onSavedElsewhere(saved);
    first.announceSaved();
    await vi.waitFor(() => expect(saved).toHaveBeenCalledTimes(1));
  });

  it('lets every tab edit where the browser has no Web Locks', async () => {
    const tab = await claimTab({ locks: undefined, channel: null });
    expect([tab.role(), tab.coordinated]).toEqual(['editing', false]);
  });
});

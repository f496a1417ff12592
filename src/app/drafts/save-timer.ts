/**
 * When the draft is saved: a short pause after the last change, and never later than `maxWaitMs` after
 * the first change not yet saved. Debouncing alone would store nothing at all while the admin keeps
 * acting (an import, a fix, an undo within a second), so a crash then would lose all of it.
 */
export interface SaveTimer {
  /** A change was made; `pauseMs` is how long to wait for the next one before saving. */
  changed(pauseMs: number): void;
  /** The save happens now by other means (a flush), or must not happen: forget what is scheduled. */
  cancel(): void;
}

export function createSaveTimer(
  save: () => void,
  maxWaitMs: number,
  now: () => number = () => performance.now(),
): SaveTimer {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstChange: number | null = null;
  const cancel = () => {
    clearTimeout(timer);
    timer = undefined;
    firstChange = null;
  };
  return {
    changed(pauseMs) {
      const at = now();
      firstChange ??= at;
      clearTimeout(timer);
      const due = Math.min(at + pauseMs, firstChange + maxWaitMs);
      timer = setTimeout(
        () => {
          cancel();
          save();
        },
        Math.max(0, due - at),
      );
    },
    cancel,
  };
}

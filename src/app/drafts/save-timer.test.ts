import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSaveTimer } from './save-timer';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('save timer', () => {
  it('saves a pause after the last change when the changes stop', () => {
    const save = vi.fn();
    const timer = createSaveTimer(save, 1000);
    timer.changed(250);
    vi.advanceTimersByTime(100);
    timer.changed(250);
    vi.advanceTimersByTime(249);
    expect(save).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(save).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('saves no later than the maximum wait after the first unsaved change, however busy the admin is', () => {
    const save = vi.fn();
    const timer = createSaveTimer(save, 1000);
    // A change every 200 ms: a debounce alone would never fire.
    for (let i = 0; i < 5; i++) {
      if (i > 0) vi.advanceTimersByTime(200);
      timer.changed(250);
    }
    vi.advanceTimersByTime(199);
    expect(save).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(save).toHaveBeenCalledTimes(1);
    // The wait starts again from the first change after that save: two more saves in the next 2 s.
    for (let i = 0; i < 10; i++) {
      timer.changed(250);
      vi.advanceTimersByTime(200);
    }
    expect(save).toHaveBeenCalledTimes(3);
  });

  it('waits the maximum for a pause as long as the maximum (large drafts: once a second while typing)', () => {
    const save = vi.fn();
    const timer = createSaveTimer(save, 1000);
    timer.changed(1000);
    vi.advanceTimersByTime(600);
    timer.changed(1000);
    vi.advanceTimersByTime(399);
    expect(save).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('forgets a scheduled save once cancelled, and counts the wait afresh after it', () => {
    const save = vi.fn();
    const timer = createSaveTimer(save, 1000);
    timer.changed(2000);
    vi.advanceTimersByTime(900);
    timer.cancel();
    vi.advanceTimersByTime(5000);
    expect(save).not.toHaveBeenCalled();
    timer.changed(800);
    vi.advanceTimersByTime(799);
    expect(save).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(save).toHaveBeenCalledTimes(1);
  });
});

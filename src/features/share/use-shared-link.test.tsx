import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeShareFragment, type SharedDraft } from '../../core';
import { useSharedLink } from './use-shared-link';

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

const draft: SharedDraft = {
  name: 'ossec.conf',
  text: '<ossec_config/>\n',
  encoding: 'utf-8',
  snippet: false,
  target: 'wazuh@4.14',
  role: 'auto',
};

describe('useSharedLink', () => {
  it('reads a link the page was opened with, and dismissing takes it out of the address', async () => {
    window.history.replaceState(null, '', `/?a=1#${await encodeShareFragment(draft)}`);
    const { result } = renderHook(() => useSharedLink());
    await waitFor(() => expect(result.current.read).toEqual({ ok: true, draft, notes: [] }));
    act(() => result.current.dismiss());
    expect(result.current.read).toBeNull();
    expect(window.location.hash).toBe('');
    expect(window.location.search).toBe('?a=1');
  });

  it('reads a link pasted into an open page, and reports a damaged one', async () => {
    const { result } = renderHook(() => useSharedLink());
    expect(result.current.read).toBeNull();
    act(() => {
      window.location.hash = 'share=not-a-deflate-stream';
    });
    await waitFor(() => expect(result.current.read).toMatchObject({ ok: false }));
  });

  it('leaves other fragments alone', async () => {
    window.history.replaceState(null, '', '/#section');
    const { result } = renderHook(() => useSharedLink());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(result.current.read).toBeNull();
  });
});

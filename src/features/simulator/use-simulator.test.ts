import { renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { readDocument, toProfile } from '../../core';
import { useSimulator } from './use-simulator';

vi.mock('../../core', async (original) => ({
  ...(await original<typeof import('../../core')>()),
  simulate: () => {
    throw new Error('rules_group too complex to evaluate');
  },
}));

describe('useSimulator', () => {
  it('turns a simulation that throws into a message instead of breaking the page', () => {
    const doc = readDocument('<ossec_config></ossec_config>');
    const { result } = renderHook(() => useSimulator(doc, toProfile('wazuh@4.14')));
    expect(result.current.outcome).toEqual({
      kind: 'failed',
      message: 'rules_group too complex to evaluate',
    });
    expect(result.current.alert).not.toBeNull();
  });
});

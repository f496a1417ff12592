import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TemplateGallery } from './template-gallery';

afterEach(cleanup);

const index = {
  version: 1,
  source: 'docs',
  correctedFor: 'wazuh@4.14',
  templates: [
    {
      id: 'host-deny',
      title: 'Deny a host',
      summary: 'Adds the IP to hosts.deny.',
      mode: 'stateful',
      documented: 'host-deny.xml',
      corrected: 'host-deny.corrected.xml',
      defects: ['host-deny.sh is not shipped'],
      corrections: ['Executable host-deny'],
    },
  ],
  stock5: {
    id: 'block-ip',
    title: 'block-ip, the 5.0 stock response',
    file: 'block-ip.5.0.json',
    worksWith: 'Wazuh 5.0 (beta)',
    summary: 'Blocks the source IP.',
  },
  scripts: [
    {
      id: 'custom-ar-5.0-bash',
      title: 'Custom response (bash)',
      file: 'custom-ar-5.0.sh',
      language: 'bash',
      worksWith: 'Wazuh 5.0 (beta)',
      summary: 'enable/disable.',
    },
    {
      id: 'custom-ar-4.x-python',
      title: 'Custom response (Python)',
      file: 'custom-ar-4.x.py',
      language: 'python',
      worksWith: 'Wazuh 4.2 – 4.14',
      summary: 'add/delete.',
    },
  ],
};

function setup() {
  const fetchMock = vi.fn(async (url: string) => {
    if (url.endsWith('index.json')) return new Response(JSON.stringify(index));
    if (url.endsWith('host-deny.xml')) return new Response('<command>documented</command>\n');
    if (url.endsWith('host-deny.corrected.xml')) return new Response('<command>corrected</command>\n');
    if (url.endsWith('block-ip.5.0.json'))
      return new Response(JSON.stringify({ definition: {}, monitor: {} }));
    if (url.endsWith('custom-ar-5.0.sh')) return new Response('#!/bin/bash\nread -r INPUT_JSON\n');
    if (url.endsWith('custom-ar-4.x.py')) return new Response('#!/usr/bin/env python3\n');
    return new Response('missing', { status: 404 });
  });
  vi.stubGlobal('fetch', fetchMock);
  const onInsert = vi.fn();
  const onInsertStock = vi.fn();
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <TemplateGallery
        open
        onClose={vi.fn()}
        onInsert={onInsert}
        targetLabel="Wazuh 4.14"
        stockCommands={[{ name: 'firewall-drop', executable: 'firewall-drop', timeoutAllowed: true }]}
        onInsertStock={onInsertStock}
        onStatus={vi.fn()}
      />
    </QueryClientProvider>,
  );
  return { onInsert, onInsertStock, fetchMock };
}

describe('TemplateGallery', () => {
  it('lists the templates with what is wrong with them, and inserts either version', async () => {
    const { onInsert, onInsertStock } = setup();
    expect(await screen.findByText('host-deny.sh is not shipped')).toBeTruthy();
    expect(await screen.findByText(/<command>documented/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Insert host-deny corrected' }));
    await waitFor(() =>
      expect(onInsert).toHaveBeenCalledWith(
        '<command>corrected</command>\n',
        'Insert host-deny (corrected)',
        {
          reuseCommands: true,
        },
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Insert host-deny as documented' }));
    await waitFor(() =>
      expect(onInsert).toHaveBeenLastCalledWith('<command>documented</command>\n', expect.any(String), {
        reuseCommands: false,
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Insert stock command firewall-drop' }));
    expect(onInsertStock).toHaveBeenCalledWith(expect.objectContaining({ name: 'firewall-drop' }));
  });

  it('says which versions each script scaffold works with, shows it, and offers the 5.0 block-ip bodies', async () => {
    setup();
    const bash = await screen.findByTestId('script-custom-ar-5.0-bash');
    expect(bash.textContent).toContain('Works with Wazuh 5.0 (beta)');
    await waitFor(() => expect(bash.textContent).toContain('read -r INPUT_JSON'));
    expect(screen.getByTestId('script-custom-ar-4.x-python').textContent).toContain(
      'Works with Wazuh 4.2 – 4.14',
    );
    expect(await screen.findByRole('button', { name: /Copy the block-ip definition/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Download custom-ar-5.0.sh' })).toBeTruthy();
  });
});

// First: the schemas other modules build at load time must see this setting.
import './zod-setup';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../index.css';
import { DEFAULT_TARGET } from '../core';
import { App } from './app';
import { createDocumentStore } from './document-store';
import { loadDraft } from './draft-storage';
import { StoreProvider } from './store-context';

const { draft, problem } = loadDraft(globalThis.localStorage);
const store = createDocumentStore(
  draft
    ? { present: draft.snapshot, target: draft.target, role: draft.role }
    : {
        present: { text: '', encoding: 'utf-8', snippet: false, original: null },
        target: DEFAULT_TARGET,
        role: 'auto',
      },
);
const queryClient = new QueryClient();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <StoreProvider store={store}>
        <App storageProblem={problem} />
      </StoreProvider>
    </QueryClientProvider>
  </StrictMode>,
);

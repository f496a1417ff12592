// First: the schemas other modules build at load time must see this setting.
import './zod-setup';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../index.css';
import { DEFAULT_TARGET } from '../core';
import { App } from './app';
import { openDraftDb } from './drafts/draft-db';
import { openDrafts } from './drafts/draft-session';
import { DraftsProvider } from './drafts/drafts-context';
import { browserTabEnvironment, claimTab } from './drafts/tab-lock';
import { StoreProvider } from './store-context';

function localStorageOrNull(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

// The draft is read before the first render, so the page never shows an empty document over a stored one.
// Whatever goes wrong with storage, the page opens: without it, and saying why.
const drafts = await openDrafts({
  db: openDraftDb(),
  local: localStorageOrNull(),
  tab: await claimTab(browserTabEnvironment()),
  defaultTarget: DEFAULT_TARGET,
}).catch(async (error: unknown) =>
  openDrafts({
    db: null,
    unavailable: `stored drafts could not be opened (${error instanceof Error ? error.message : String(error)})`,
    local: null,
    tab: await claimTab({ locks: undefined, channel: null }),
    defaultTarget: DEFAULT_TARGET,
  }),
);

createRoot(root).render(
  <StrictMode>
    <StoreProvider store={drafts.store}>
      <DraftsProvider drafts={drafts}>
        <App />
      </DraftsProvider>
    </StoreProvider>
  </StrictMode>,
);

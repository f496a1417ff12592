import { createContext, type ReactNode, useContext, useSyncExternalStore } from 'react';
import type { DraftSession, DraftsView } from './draft-session';

const DraftsContext = createContext<DraftSession | null>(null);

export function DraftsProvider({ drafts, children }: { drafts: DraftSession; children: ReactNode }) {
  return <DraftsContext.Provider value={drafts}>{children}</DraftsContext.Provider>;
}

export function useDrafts(): DraftSession {
  const drafts = useContext(DraftsContext);
  if (!drafts) throw new Error('useDrafts must be used inside <DraftsProvider>.');
  return drafts;
}

export function useDraftsView(): DraftsView {
  const drafts = useDrafts();
  return useSyncExternalStore(drafts.subscribe, drafts.getView);
}

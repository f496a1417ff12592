import { createContext, type ReactNode, useContext, useSyncExternalStore } from 'react';
import type { DocumentState, DocumentStore } from './document-store';

const StoreContext = createContext<DocumentStore | null>(null);

export function StoreProvider({ store, children }: { store: DocumentStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useStore(): DocumentStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStore must be used inside <StoreProvider>.');
  return store;
}

export function useDocumentState(): DocumentState {
  const store = useStore();
  return useSyncExternalStore(store.subscribe, store.getState);
}

import { createContext, type ReactNode, useContext, useState, useSyncExternalStore } from 'react';
import { createAnalysis } from './analysis/analysis';
import { createDocumentPipeline, type DocumentPipeline, type PageView } from './document-pipeline';
import type { DocumentState, DocumentStore } from './document-store';

const StoreContext = createContext<{ store: DocumentStore; pipeline: DocumentPipeline } | null>(null);

/** The store, and the pipeline that derives what the page shows from it (made here when not given). */
export function StoreProvider({
  store,
  pipeline,
  children,
}: {
  store: DocumentStore;
  pipeline?: DocumentPipeline;
  children: ReactNode;
}) {
  const [value] = useState(() => ({
    store,
    pipeline: pipeline ?? createDocumentPipeline(store, createAnalysis()),
  }));
  return <StoreContext.Provider value={value}>{children}</StoreContext.Provider>;
}

function useStoreContext() {
  const value = useContext(StoreContext);
  if (!value) throw new Error('useStore must be used inside <StoreProvider>.');
  return value;
}

export function useStore(): DocumentStore {
  return useStoreContext().store;
}

export function usePipeline(): DocumentPipeline {
  return useStoreContext().pipeline;
}

export function useDocumentState(): DocumentState {
  const store = useStore();
  return useSyncExternalStore(store.subscribe, store.getState);
}

/** One part of what the page shows; the component re-renders only when that part changes. */
export function usePageView<T>(select: (view: PageView) => T): T {
  const pipeline = usePipeline();
  return useSyncExternalStore(pipeline.subscribe, () => select(pipeline.getView()));
}

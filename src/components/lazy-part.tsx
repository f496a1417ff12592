import { type ComponentType, lazy, Suspense } from 'react';
import { Loading } from './loading';

/**
 * A part of the page loaded the first time it is shown (a dialog, a panel), with its own loading line in
 * its place meanwhile; it is used like the component it loads.
 */
export function lazyPart<P extends object>(
  load: () => Promise<ComponentType<P>>,
  what: string,
  place: 'inline' | 'overlay',
): ComponentType<P> {
  const Part = lazy(async () => ({ default: await load() }));
  // biome-ignore lint/correctness/noComponentHookFactories: made once per part at module level, as lazy() is
  function LazyPart(props: P) {
    return (
      <Suspense fallback={<Loading what={what} overlay={place === 'overlay'} />}>
        <Part {...props} />
      </Suspense>
    );
  }
  return LazyPart;
}

import { lazy, Suspense, type ComponentProps, type ComponentType } from 'react';

/**
 * A component whose code is fetched the first time it is shown: a dialog, a tab, a drawer that
 * most visits never open, kept out of the page's first load. Shown with nothing in its place for
 * the moment its code takes to arrive (a dialog or a tab the user just asked for).
 */
export function lazyComponent<Props extends object>(load: () => Promise<ComponentType<Props>>): ComponentType<Props> {
  const Lazy = lazy(() => load().then((component) => ({ default: component })));
  return function Deferred(props: Props) {
    return (
      <Suspense fallback={null}>
        <Lazy {...(props as ComponentProps<typeof Lazy>)} />
      </Suspense>
    );
  };
}

import { Suspense, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { Navigate, useLocation } from 'react-router';
import type { MessageId } from '../i18n/catalogs.ts';
import { useDocumentTitle } from './dialogs.ts';
import { LazyBoundary } from './LazyBoundary.tsx';

/** What the portal's routes and the console's share: a page's frame, and the sign-in page once signed in. */

/** The document's title for a page whose name does not change (the others set their own, as they load). */
function Title({ id }: { id: MessageId }) {
  const intl = useIntl();
  useDocumentTitle(intl.formatMessage({ id }));
  return null;
}

/** A page's own code, loaded when it is first shown: the sign-in page does not wait for the Rewards page. */
export function Page({ title, children }: { title?: MessageId; children: ReactNode }) {
  return (
    <LazyBoundary>
      {title && <Title id={title} />}
      <Suspense fallback={null}>{children}</Suspense>
    </LazyBoundary>
  );
}

/** Signed in on the sign-in page (just now, or by going back to it): on to the page that was asked for. */
export function SignedInAlready({ fallback = '/' }: { fallback?: string }) {
  const location = useLocation();
  const to = safeReturnPath(location.state);
  // An operator lands in the console whatever was asked; a partner user never does.
  const inConsole = to === '/console' || to.startsWith('/console/') || to.startsWith('/console?');
  return <Navigate to={fallback === '/console' ? (inConsole ? to : '/console') : inConsole ? '/' : to} replace />;
}

/** Only a path of this portal (never another origin, not even `//elsewhere`), else home. */
export function safeReturnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  if (typeof from !== 'string' || !from.startsWith('/') || from.startsWith('//') || from.startsWith('/\\') || from.startsWith('/sign-in')) return '/';
  return from;
}

import { startTransition } from 'react';
import { preloadPagesFor } from './app/pages.ts';
import { Root } from './app/Root.tsx';
import { initialLocale, loadCatalog } from './i18n/catalogs.ts';

// Fetched at once, beside the session read (session.tsx starts it as it is evaluated) and the page's
// own code, rather than one after another.
preloadPagesFor(window.location.pathname);
const firstCatalog = loadCatalog(initialLocale()).catch(() => undefined);

// React DOM (half of this code) is a chunk of its own, fetched beside this one (index.html names it for
// preloading: web/vite.config.ts) and evaluated in a task of its own: evaluating all of it at once kept
// the main thread busy for one long task (~260 ms on Lighthouse's mobile profile), which counted whole
// in Total Blocking Time.
const reactDom = import('react-dom/client');

// The browser's first use of Intl loads its locale data (~20 ms, more on a phone): done here in tasks
// of their own while the network works, instead of inside the first render (react-intl's createIntl).
const locale = initialLocale();
for (const warm of [() => Intl.NumberFormat.supportedLocalesOf(locale), () => Intl.DateTimeFormat.supportedLocalesOf(locale), () => new Intl.PluralRules(locale)]) {
  setTimeout(warm, 0);
}

// Rendered once the first catalog is here: until then index.html's own loading indicator stays.
// (No top-level await: Rollup would then move what the entry shares with the chunks it loads out of it.)
void Promise.all([reactDom, firstCatalog]).then(([{ createRoot }]) => {
  const root = createRoot(document.getElementById('root')!);
  startTransition(() => root.render(<Root />));
});

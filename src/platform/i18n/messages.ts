import type englishCatalog from '../../../locales/en-US.json';

/**
 * Message ids are the keys of the English catalog, as a type: an id that is
 * not in locales/en-US.json fails the typecheck wherever it is written (the
 * server here, the web through react-intl's type augmentation). A test checks
 * that every other catalog has the same keys.
 */
export type MessageId = keyof typeof englishCatalog;

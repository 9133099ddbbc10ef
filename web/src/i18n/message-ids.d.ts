import type enUS from '../../../locales/en-US.json';

// Message ids are the keys of the English catalog: react-intl then refuses, at
// typecheck, an id that no catalog has (which the user would see as the raw id).
declare global {
  namespace FormatjsIntl {
    interface Message {
      ids: keyof typeof enUS;
    }
  }
}

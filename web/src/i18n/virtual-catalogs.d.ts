// The catalogs web/vite.config.ts serves: one language's messages, parsed into ICU syntax trees.
declare module 'virtual:rewards-catalog/*' {
  import type { MessageFormatElement } from 'react-intl';
  const catalog: Record<string, MessageFormatElement[]>;
  export default catalog;
}

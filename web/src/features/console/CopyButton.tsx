import { Button } from '@fluentui/react-components';
import { useState } from 'react';

/** Copies `text` to the clipboard and says so on its label (a browser that refuses keeps the label). */
export function CopyButton({ text, label, copiedLabel }: { text: string; label: string; copiedLabel: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      onClick={() =>
        void navigator.clipboard?.writeText(text).then(
          () => setCopied(true),
          () => undefined,
        )
      }
    >
      {copied ? copiedLabel : label}
    </Button>
  );
}

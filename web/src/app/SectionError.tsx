import { Button } from '@fluentui/react-components';
import { FormattedMessage } from 'react-intl';
import { ErrorMessage } from './ErrorMessage.tsx';

/**
 * One part of a page that could not be read, said in its place with a way to read it again: the
 * rest of the page stays usable (a failing summary does not hide the benefits, nor the reverse).
 */
export function SectionError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  if (!error) return null;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: 8 }} data-testid="section-error">
      <ErrorMessage error={error} />
      <Button onClick={onRetry}>
        <FormattedMessage id="web.retry" />
      </Button>
    </div>
  );
}

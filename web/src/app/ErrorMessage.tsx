import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useIntl } from 'react-intl';
import { ApiError } from '../api/client.ts';
import { fieldError } from './fieldErrors.ts';

// The field helpers live apart, so a form can show its fields' problems without this component's code
// (the sign-in page fetches it when first used).
export { fieldError, fieldValidation } from './fieldErrors.ts';

/**
 * An API refusal shown in place, read out by screen readers as it appears. The refusal's field problems
 * are shown on their fields (fieldValidation), every one at once since the API reports them together;
 * a problem of the request as a whole (field `_`, say nothing to change) has no field, so it is shown here.
 */
/** Refusals the portal words itself (no answer from the server says them). */
const CLIENT_MESSAGES: Record<string, 'web.error.network'> = {
  NETWORK: 'web.error.network',
};

export function ErrorMessage({ error }: { error: unknown }) {
  const intl = useIntl();
  if (!error) return null;
  const text =
    error instanceof ApiError && error.message
      ? error.message
      : intl.formatMessage({ id: error instanceof ApiError ? (CLIENT_MESSAGES[error.code] ?? 'web.error.unexpected') : 'web.error.unexpected' });
  const whole = fieldError(error, '_');
  return (
    <MessageBar intent="error" role="alert" data-testid="error-message">
      <MessageBarBody>
        {text}
        {whole && ` ${whole}`}
      </MessageBarBody>
    </MessageBar>
  );
}

import { useState, type FormEvent } from 'react';

/**
 * What every form does when it is sent: clear the last refusal, run the change,
 * then either hand the result on (the form closes or moves on) or keep the
 * refusal for the form to show in place. It stays busy after success, so a
 * second press while the form goes away cannot send the change twice.
 */
export function useFormSubmit<Result>(
  action: () => Promise<Result>,
  { onDone, onFailed }: { onDone?: (result: Result) => void; onFailed?: (error: unknown) => void } = {},
) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function run() {
    setBusy(true);
    setError(null);
    let result: Result;
    try {
      result = await action();
    } catch (failure) {
      setError(failure);
      setBusy(false);
      onFailed?.(failure);
      return;
    }
    onDone?.(result);
  }

  return {
    error,
    busy,
    /** A form's onSubmit: the browser's own submission is replaced by the API call. */
    submit: (event?: FormEvent) => {
      event?.preventDefault();
      void run();
    },
  };
}

import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, call } from '../../api/client.ts';
import { ErrorMessage } from '../../app/ErrorMessage.tsx';
import { fieldValidation } from '../../app/fieldErrors.ts';
import { useSession, type SecondFactorStep as Step } from '../../app/session.tsx';
import { useFormSubmit } from '../../app/useFormSubmit.ts';
import { ConsoleIntl } from './ConsoleIntl.tsx';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: '16px' },
  title: { margin: '4px 0', fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  qr: { width: '180px', height: '180px', alignSelf: 'center', imageRendering: 'pixelated' },
  key: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase400, letterSpacing: '0.05em', overflowWrap: 'anywhere', margin: 0 },
  actions: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
});

/** The base32 key in groups of four, as authenticator apps show it. */
const grouped = (key: string) => key.replace(/(.{4})/g, '$1 ').trim();

/**
 * An operator's second step after the password (issue #14): at the first sign-in the authenticator is
 * enrolled from the QR code (drawn by the server) or the key; after that its code, or a recovery code.
 */
export function SecondFactorStep({ step }: { step: Step }) {
  return (
    <ConsoleIntl>
      <SecondFactorForm step={step} />
    </ConsoleIntl>
  );
}

function SecondFactorForm({ step }: { step: Step }) {
  const intl = useIntl();
  const styles = useStyles();
  const { operatorSignedIn, cancelSecondFactor } = useSession();
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const { error, busy, submit } = useFormSubmit(async () => {
    const body = useRecovery ? { recoveryCode: recoveryCode.trim() } : { code: code.trim() };
    await operatorSignedIn(await call(api.POST('/api/v1/auth/operator/second-factor', { body })));
  });
  const enrollment = step.enrollment;
  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      <div>
        <h1 className={styles.title}>
          <FormattedMessage id="console.secondFactor.title" />
        </h1>
        <p className={styles.text}>
          <FormattedMessage id={enrollment ? 'console.secondFactor.introEnroll' : 'console.secondFactor.introVerify'} />
        </p>
      </div>
      {enrollment && (
        <>
          <img className={styles.qr} src={enrollment.qrCode} alt={intl.formatMessage({ id: 'console.secondFactor.qrAlt' })} />
          <Field label={intl.formatMessage({ id: 'console.secondFactor.key' })}>
            <p className={styles.key} data-testid="totp-key">
              {grouped(enrollment.secret)}
            </p>
          </Field>
        </>
      )}
      <ErrorMessage error={error} />
      {useRecovery ? (
        <Field label={intl.formatMessage({ id: 'console.secondFactor.recoveryCode' })} hint={intl.formatMessage({ id: 'console.secondFactor.recoveryHint' })} required {...fieldValidation(error, 'recoveryCode')}>
          <Input name="recoveryCode" autoComplete="off" autoFocus value={recoveryCode} onChange={(_, data) => setRecoveryCode(data.value)} />
        </Field>
      ) : (
        <Field label={intl.formatMessage({ id: 'console.secondFactor.code' })} required {...fieldValidation(error, 'code')}>
          <Input name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={7} autoFocus value={code} onChange={(_, data) => setCode(data.value)} />
        </Field>
      )}
      <p className={styles.text}>
        <FormattedMessage id="console.secondFactor.expires" values={{ time: intl.formatTime(step.expiresAt, { hour: '2-digit', minute: '2-digit' }) }} />
      </p>
      <Button appearance="primary" type="submit" disabled={busy}>
        <FormattedMessage id="console.secondFactor.submit" />
      </Button>
      <div className={styles.actions}>
        {!enrollment && (
          <Button appearance="subtle" onClick={() => setUseRecovery(!useRecovery)}>
            <FormattedMessage id={useRecovery ? 'console.secondFactor.useCode' : 'console.secondFactor.useRecovery'} />
          </Button>
        )}
        <Button appearance="subtle" onClick={cancelSecondFactor}>
          <FormattedMessage id="console.secondFactor.back" />
        </Button>
      </div>
    </form>
  );
}

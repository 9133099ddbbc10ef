import { Button, Field, Input, tokens } from '@fluentui/react-components';
import { useState, type CSSProperties } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useDocumentTitle } from '../../app/dialogs.ts';
import { fieldValidation } from '../../app/fieldErrors.ts';
import { lazyComponent } from '../../app/lazy.tsx';
import { useSession } from '../../app/session.tsx';
import { useFormSubmit } from '../../app/useFormSubmit.ts';
import { LANGUAGE_NAMES, LOCALES } from '../../i18n/catalogs.ts';

// This page is the first thing a browser loads, so it is styled with Fluent's tokens in plain style
// objects, and uses no Card or Select: each component or style hook is code this page would fetch and
// run before it can draw (the build compiles makeStyles, vite.config.ts, but its rules are still
// inserted at run time).
const page: CSSProperties = {
  display: 'flex',
  justifyContent: 'center',
  alignItems: 'flex-start',
  paddingTop: 'min(12vh, 96px)',
  paddingLeft: 12,
  paddingRight: 12,
  minHeight: '100%',
  boxSizing: 'border-box',
  backgroundColor: tokens.colorNeutralBackground2,
  fontFamily: tokens.fontFamilyBase,
  color: tokens.colorNeutralForeground1,
};
const card: CSSProperties = {
  width: '100%',
  maxWidth: 380,
  boxSizing: 'border-box',
  padding: 24,
  backgroundColor: tokens.colorNeutralBackground1,
  borderRadius: tokens.borderRadiusMedium,
  boxShadow: tokens.shadow4,
};
const form: CSSProperties = { display: 'flex', flexDirection: 'column', gap: 16 };
const product: CSSProperties = { margin: 0, color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 };
const title: CSSProperties = { margin: '4px 0', fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightSemibold };
const text: CSSProperties = { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 };
const languages: CSSProperties = { display: 'flex', gap: 4, alignItems: 'center', flexWrap: 'wrap' };

// The refusal's message bar (a wrong password, a locked account) is not in the page's first load: it is
// fetched as soon as the form is first focused or typed in, long before it can be needed, so a sign-in
// refused because the connection dropped still has it.
const loadErrorMessage = () => import('../../app/ErrorMessage.tsx').then((m) => m.ErrorMessage);
const ErrorMessage = lazyComponent(loadErrorMessage);
const preloadErrorMessage = () => void loadErrorMessage().catch(() => undefined);
// A Rewards team member's second step, fetched only when a password was an operator's (issue #14), with
// the console's code (ConsoleShell.tsx), which comes next.
const SecondFactorStep = lazyComponent(() => import('../console/ConsoleShell.tsx').then((m) => m.SecondFactorStep));

/** Sign-in: the product named, the fields, the language. Where the user goes next is AppRoutes' (the page they asked for). */
export function SignInPage() {
  const intl = useIntl();
  const { secondFactor } = useSession();
  useDocumentTitle(intl.formatMessage({ id: 'signIn.title' }));

  return (
    <main style={page}>
      <div style={card}>{secondFactor ? <SecondFactorStep step={secondFactor} /> : <PasswordStep />}</div>
    </main>
  );
}

/** The name and password (mounted afresh when an operator goes back from the second factor). */
function PasswordStep() {
  const intl = useIntl();
  const { signIn, locale, setLocale } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { error, busy, submit } = useFormSubmit(() => signIn(username, password));
  return (
    <form style={form} onSubmit={submit} onFocusCapture={preloadErrorMessage} onInputCapture={preloadErrorMessage} noValidate>
      <div>
        <p style={product}>
          <FormattedMessage id="signIn.product" />
        </p>
        <h1 style={title}>
          <FormattedMessage id="signIn.title" />
        </h1>
        <p style={text}>
          <FormattedMessage id="signIn.intro" />
        </p>
      </div>
      {error != null && <ErrorMessage error={error} />}
      <Field
        label={intl.formatMessage({ id: 'signIn.username' })}
        hint={intl.formatMessage({ id: 'signIn.usernameHint' })}
        required
        {...fieldValidation(error, 'username')}
      >
        <Input name="username" type="email" autoComplete="username" value={username} onChange={(_, data) => setUsername(data.value)} />
      </Field>
      <Field label={intl.formatMessage({ id: 'signIn.password' })} required {...fieldValidation(error, 'password')}>
        <Input name="password" type="password" autoComplete="current-password" value={password} onChange={(_, data) => setPassword(data.value)} />
      </Field>
      <Button appearance="primary" type="submit" disabled={busy}>
        <FormattedMessage id="signIn.submit" />
      </Button>
      <div role="group" aria-label={intl.formatMessage({ id: 'shell.language' })} style={languages}>
        <span style={text} aria-hidden>
          <FormattedMessage id="shell.language" />:
        </span>
        {LOCALES.map((option) => (
          <Button
            key={option}
            size="small"
            appearance={option === locale ? 'outline' : 'transparent'}
            aria-pressed={option === locale}
            lang={option}
            onClick={() => void setLocale(option)}
          >
            {LANGUAGE_NAMES[option]}
          </Button>
        ))}
      </div>
    </form>
  );
}

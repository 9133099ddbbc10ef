import { Button, Card, Field, Input, makeStyles, Select, Title2, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useNavigate } from 'react-router';
import { ErrorMessage } from '../../app/ErrorMessage.tsx';
import { useSession } from '../../app/session.tsx';
import { useFormSubmit } from '../../app/useFormSubmit.ts';
import { LANGUAGE_NAMES, LOCALES, type Locale } from '../../i18n/catalogs.ts';

const useStyles = makeStyles({
  page: { display: 'flex', justifyContent: 'center', alignItems: 'flex-start', paddingTop: '12vh', minHeight: '100%', backgroundColor: tokens.colorNeutralBackground2 },
  card: { width: '380px', paddingTop: '24px', paddingBottom: '24px', paddingLeft: '24px', paddingRight: '24px' },
  form: { display: 'flex', flexDirection: 'column', gap: '16px' },
});

export function SignInPage() {
  const styles = useStyles();
  const intl = useIntl();
  const navigate = useNavigate();
  const { signIn, locale, setLocale } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { error, busy, submit } = useFormSubmit(() => signIn(username, password), { onDone: () => void navigate('/') });

  return (
    <main className={styles.page}>
      <Card className={styles.card}>
        <form className={styles.form} onSubmit={submit} noValidate>
          <Title2 as="h1">
            <FormattedMessage id="signIn.title" />
          </Title2>
          <ErrorMessage error={error} />
          <Field label={intl.formatMessage({ id: 'signIn.username' })} hint={intl.formatMessage({ id: 'signIn.usernameHint' })} required>
            <Input
              name="username"
              type="email"
              autoComplete="username"
              value={username}
              onChange={(_, data) => setUsername(data.value)}
            />
          </Field>
          <Field label={intl.formatMessage({ id: 'signIn.password' })} required>
            <Input
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(_, data) => setPassword(data.value)}
            />
          </Field>
          <Button appearance="primary" type="submit" disabled={busy || !username || !password}>
            <FormattedMessage id="signIn.submit" />
          </Button>
          <Field label={intl.formatMessage({ id: 'shell.language' })}>
            <Select value={locale} onChange={(_, data) => void setLocale(data.value as Locale)}>
              {LOCALES.map((option) => (
                <option key={option} value={option} lang={option}>
                  {LANGUAGE_NAMES[option]}
                </option>
              ))}
            </Select>
          </Field>
        </form>
      </Card>
    </main>
  );
}

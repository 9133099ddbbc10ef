import { makeStyles, tokens } from '@fluentui/react-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { useDocumentTitle } from '../../app/dialogs.ts';
import type { MessageId } from '../../i18n/catalogs.ts';

const useStyles = makeStyles({
  title: { margin: 0, fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightSemibold },
  intro: { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: '80ch' },
});

/** A console page's heading and the sentence under it; the title is the window's too. */
export function PageHeading({ title, intro }: { title: MessageId; intro: MessageId }) {
  const intl = useIntl();
  const styles = useStyles();
  useDocumentTitle(intl.formatMessage({ id: title }));
  return (
    <div>
      <h1 className={styles.title}>
        <FormattedMessage id={title} />
      </h1>
      <p className={styles.intro}>
        <FormattedMessage id={intro} />
      </p>
    </div>
  );
}

import { makeStyles } from '@fluentui/react-components';

const useStyles = makeStyles({
  // Visually hidden, still read out: the page's change is visible in the list itself.
  live: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)' },
});

/** What a console page just did (assigned, sent again, revoked), said to a screen reader as it happens. */
export function Announcement({ text, testId }: { text: string; testId: string }) {
  const styles = useStyles();
  return (
    <div role="status" className={styles.live} data-testid={testId}>
      {text}
    </div>
  );
}

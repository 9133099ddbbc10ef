import { Button, Card, MessageBar, MessageBarBody, Text, Title3 } from '@fluentui/react-components';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { lazyComponent } from '../../app/lazy.tsx';
import type { MarketingContact } from './ContactDialog.tsx';


// The dialog, and the phone-number metadata it formats with, are fetched when it is first opened.
const ContactDialog = lazyComponent(() => import('./ContactDialog.tsx').then((m) => m.ContactDialog));

/** The top of the Sales and Marketing benefits tab: who the Rewards team contacts, and "Add, update, or change". */
export function MarketingContactCard({ contact }: { contact: MarketingContact | null }) {
  const intl = useIntl();
  // FormDialog hands focus back to this button when it closes.
  const [open, setOpen] = useState(false);
  return (
    <Card data-testid="marketing-contact">
      <Title3 as="h2">
        <FormattedMessage id="contact.title" />
      </Title3>
      {contact?.needsReassignment && (
        <MessageBar intent="warning" data-testid="contact-reassign">
          <MessageBarBody>
            <FormattedMessage id="contact.needsReassignment" values={{ email: contact.email }} />
          </MessageBarBody>
        </MessageBar>
      )}
      {contact && !contact.needsReassignment ? (
        <Text as="p" style={{ margin: 0 }}>
          <FormattedMessage
            id="contact.summary"
            values={{ name: contact.displayName, email: contact.email, phone: contact.phoneDisplay, language: intl.formatMessage({ id: `language.${contact.preferredLanguage}` }) }}
          />
        </Text>
      ) : null}
      {contact && !contact.needsReassignment ? (
        <Text as="p" size={200} style={{ margin: 0 }}>
          <FormattedMessage id="contact.followUps" />
        </Text>
      ) : (
        !contact && (
          <Text as="p" style={{ margin: 0 }}>
            <FormattedMessage id="contact.none" />
          </Text>
        )
      )}
      <div>
        <Button onClick={() => setOpen(true)} aria-label={intl.formatMessage({ id: 'contact.changeLabel' })}>
          <FormattedMessage id="contact.change" />
        </Button>
      </div>
      {open && <ContactDialog contact={contact} onClose={() => setOpen(false)} />}
    </Card>
  );
}

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { escalateOverdueWork } from '../src/modules/work/work-escalation.ts';
import { EMAIL_TEMPLATES, renderEmail } from '../src/modules/notifications/templates.ts';
import type { Db } from '../src/platform/db/database.ts';
import { activate, contactBody, createSalesPartner, DAY_MS, putContact, SALES_BENEFIT } from './benefits-helpers.ts';
import { createTransactSeller } from './eligibility-helpers.ts';
import { call, engines, signIn, startTestApp, type TestApp } from './helpers.ts';
import { createTechnicalPartner, submitted } from './technical-helpers.ts';

// Issue #13, "emails lead back": every email greets its reader by name (or, for a mailbox nobody in
// particular reads, without one, never "Hello ,"), names the partner account and links to the page it is
// about on PUBLIC_URL (http://localhost:3000 in the tests). The To: header's name is stored with the row;
// how it is written into the header is in outbox-delivery.test.ts.

const PORTAL = 'http://localhost:3000';
const LINK = 'https://rewards.example.com/rewards/technical/requests/5b0c';

/** Enough values for every template (each uses a few). */
const VALUES = {
  account: 'Contoso',
  mpnId: '4100001',
  changedBy: 'Megan Bowen',
  changedByUsername: 'megan@contoso.example',
  newContact: 'Lotte de Vries',
  benefit: 'Campaign assets',
  due: new Date(Date.UTC(2026, 11, 9, 12)),
  contact: 'lotte@contoso.example',
  activationId: '8d4c2f0e-5c1a-4f57-9a51-0c7e4c1b2a33',
  reference: 'TR-1042',
  title: 'Architecture review',
  status: 'scheduled',
  reason: 'Which region?',
  when: 'Wednesday, December 9, 2026 at 1:00 PM',
  timeZone: 'Europe/Amsterdam',
  sponsorship: 'Cloud sponsorship',
  amount: 5000,
  remaining: 400,
  termMonths: 12,
  expires: new Date(Date.UTC(2027, 11, 9)),
  hasExpiry: 'yes',
  isActive: 'yes',
  percent: 10,
  kind: 'activation',
  note: 'See section 4 of the terms.',
  assignee: 'nobody yet',
  link: LINK,
};

const GREETINGS = {
  'en-US': { named: (name: string) => `Hello ${name},`, anonymous: 'Hello,' },
  'nl-NL': { named: (name: string) => `Beste ${name},`, anonymous: 'Goedendag,' },
} as const;

const firstLine = (text: string) => text.split('\n')[0];

describe('every email template greets, names the account and links back', () => {
  for (const locale of ['en-US', 'nl-NL'] as const) {
    for (const template of EMAIL_TEMPLATES) {
      it(`${template} (${locale})`, () => {
        const named = renderEmail(template, locale, { ...VALUES, name: '  Jörg Müller ' });
        assert.equal(firstLine(named.text), GREETINGS[locale].named('Jörg Müller'), 'greets by name, the spaces around it trimmed');
        assert.ok(named.text.includes('Contoso'), `names the account: ${named.text}`);
        assert.ok(named.text.includes(LINK), `links to the page: ${named.text}`);
        assert.ok(named.html.includes(`<a href="${LINK}">${LINK}</a>`), 'the HTML link can be clicked');
        for (const nobody of ['', '   ']) {
          const anonymous = renderEmail(template, locale, { ...VALUES, name: nobody });
          assert.equal(firstLine(anonymous.text), GREETINGS[locale].anonymous, 'greets without a name');
          assert.doesNotMatch(anonymous.text, /(Hello|Beste)\s+,/, "no greeting with an empty name");
          assert.doesNotMatch(anonymous.html, /(Hello|Beste)\s+,/);
        }
      });
    }
  }

  it('escapes the HTML around the link and leaves a link that is not http(s) as text', () => {
    const hostile = renderEmail('sponsorship-low', 'en-US', { ...VALUES, name: '<b>Megan</b>', link: 'javascript:alert(1)' });
    assert.ok(hostile.html.includes('&lt;b&gt;Megan&lt;/b&gt;'));
    assert.doesNotMatch(hostile.html, /<a /);
  });
});

/**
 * The one email of `kind` to `recipient`, checked as its reader sees it: the To: name, the greeting on the
 * first line, a sentence naming the account, and the link on a line of its own (so a longer or relative
 * link does not pass).
 */
async function expectMail(
  db: Db,
  recipient: string,
  kind: string,
  expected: { toName: string | null; greeting: string; mentions: string; linkLine: string },
) {
  const mails = await db.selectFrom('outbox').selectAll().where('recipient', '=', recipient).where('kind', '=', kind).execute();
  assert.equal(mails.length, 1, `one ${kind} email to ${recipient}`);
  const mail = mails[0]!;
  assert.equal(mail.recipient_name, expected.toName);
  assert.equal(firstLine(mail.text_body), expected.greeting);
  assert.ok(mail.text_body.includes(expected.mentions), `expected "${expected.mentions}" in:\n${mail.text_body}`);
  assert.ok(mail.text_body.split('\n').includes(expected.linkLine), `expected the line "${expected.linkLine}" in:\n${mail.text_body}`);
  return mail;
}

async function setDisplayName(db: Db, userId: string, name: string) {
  await db.updateTable('users').set({ display_name: name }).where('id', '=', userId).execute();
}

for (const engine of engines()) {
  describe(`emails lead back to the portal (${engine.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine);
    });
    after(async () => t.close());

    it('the marketing contact, its replacement, the activation and the escalation: each greets by name, names the account, links to the rewards page', async () => {
      const db = t.database.db;
      const p = await createSalesPartner(t, { admin: ['mpn-partner-admin'], colleague: ['user'] });
      const account = `Partner ${p.domain}`;
      await setDisplayName(db, p.users.admin!.id, 'Megan Bowen');
      await setDisplayName(db, p.users.colleague!.id, 'Jörg Müller');
      const session = await signIn(t.app, p.users.admin!.username);

      const first = contactBody(p, 'admin', { preferredLanguage: 'en-US' });
      assert.equal((await putContact(t.app, session, first)).statusCode, 200);
      const english = `The sales and marketing benefits of ${account}: ${PORTAL}/rewards`;
      const assigned = await expectMail(db, first.email, 'contact-assigned', { toName: 'Megan Bowen', greeting: 'Hello Megan Bowen,', mentions: `marketing contact of ${account}`, linkLine: english });
      assert.ok(assigned.subject.includes(account), assigned.subject);

      // A Dutch contact takes over: they are greeted in Dutch, and the one replaced by their own name.
      const second = contactBody(p, 'colleague', { preferredLanguage: 'nl-NL' });
      assert.equal((await putContact(t.app, session, second)).statusCode, 200);
      const dutch = `De verkoop- en marketingvoordelen van ${account}: ${PORTAL}/rewards`;
      await expectMail(db, second.email, 'contact-assigned', { toName: 'Jörg Müller', greeting: 'Beste Jörg Müller,', mentions: `marketingcontactpersoon van ${account}`, linkLine: dutch });
      await expectMail(db, first.email, 'contact-replaced', {
        toName: 'Megan Bowen',
        greeting: 'Hello Megan Bowen,',
        mentions: `${account} has assigned Jörg Müller as its marketing contact`,
        linkLine: english,
      });

      const activation = await activate(t.app, session, p.salesBenefitId);
      assert.equal(activation.statusCode, 201, activation.body);
      const activated = await expectMail(db, second.email, 'benefit-activated', {
        toName: 'Jörg Müller',
        greeting: 'Beste Jörg Müller,',
        mentions: `${account} heeft in Marketplace Rewards het voordeel`,
        linkLine: dutch,
      });
      assert.ok(activated.html_body.includes(`<a href="${PORTAL}/rewards">`), activated.html_body);

      // Overdue at a fixed time, long before any other activation of this suite is due.
      const now = new Date(Date.UTC(2001, 0, 15, 9, 30));
      const id = activation.json<{ id: string }>().id;
      await db.updateTable('activations').set({ due_at: new Date(now.getTime() - 2 * DAY_MS) }).where('id', '=', id).execute();
      const team = `team-${p.mpnId}@rewards.example`;
      assert.equal(await escalateOverdueWork(db, team, now, { portalUrl: PORTAL }), 1);
      await expectMail(db, team, 'work-overdue', {
        toName: 'Rewards team',
        greeting: 'Hello Rewards team,',
        mentions: `The activation of ${account} (MPN ID ${p.mpnId}) for ${SALES_BENEFIT}`,
        linkLine: `Pick it up, or give it to someone, in the Rewards console: ${PORTAL}/console?kind=activation&partner=${p.mpnId}`,
      });
    });

    it('a technical request mails its contact by name with a link to the request', async () => {
      const db = t.database.db;
      const p = await createTechnicalPartner(t, 'nl-NL');
      await setDisplayName(db, p.partner.users.admin!.id, 'Anne-Marie van den Berg');
      const request = await submitted(t, p);
      await expectMail(db, p.contactEmail, 'technical-request-submitted', {
        toName: 'Anne-Marie van den Berg',
        greeting: 'Beste Anne-Marie van den Berg,',
        mentions: `Partner ${p.partner.domain} heeft de aanvraag`,
        linkLine: `Open de aanvraag: ${PORTAL}/rewards/technical/requests/${request.id}`,
      });
    });

    it("a sponsorship mailed to the company address greets without a name, and the To: carries the company's name", async () => {
      const db = t.database.db;
      const seller = await createTransactSeller(t, ['30000.00'], { admin: ['mpn-partner-admin'] });
      const session = await signIn(t.app, seller.partner.users.admin!.username);
      assert.equal((await call(t.app, session, 'GET', '/api/v1/rewards/sponsorships')).statusCode, 200);
      const account = `Partner ${seller.partner.domain}`;
      // The company address is nobody's own: greeted without a name, its To: the company's.
      await expectMail(db, `office@${seller.partner.domain}`, 'sponsorship-unlocked', {
        toName: account,
        greeting: 'Hello,',
        mentions: `${account} has unlocked`,
        linkLine: `Your sponsorships: ${PORTAL}/rewards/sponsorships`,
      });
    });
  });
}

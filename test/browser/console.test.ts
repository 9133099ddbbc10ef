import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import YAML from 'yaml';
import { systemContext } from '../../src/platform/context.ts';
import { t } from '../../src/platform/i18n/i18n.ts';
import { createOperator } from '../../src/modules/operators/operators.service.ts';
import { createOperatorToken } from '../../src/modules/identity/identity.service.ts';
import { defaultProgram, officeHours } from '../eligibility-helpers.ts';
import { apiAs, axeViolations, DEMO_PASSWORD, newContext, screenshot, signIn, TABLET, withPortal } from './harness.ts';
import { apiAsOperatorCount, operatorSignIn, type Locale } from './console-helpers.ts';

function consoleWalk(locale: Locale) {
  describe(`the Rewards team's console (${locale})`, () => {
    const env = withPortal();

    it('an activation reaches the top of the queue; the agent assigns it to herself, records the contact, and the partner sees it in progress', async () => {
      const { portal, browser } = env;
      // The partner: a marketing contact (set up through the API), then Activate in the portal.
      const megan = await apiAs(portal, 'megan@contoso.example');
      const me = (await megan('GET', '/api/v1/me')) as { user: { id: string } };
      await megan('PUT', '/api/v1/rewards/marketing-contact', { userId: me.user.id, email: 'megan.marketing@mail.contoso.example', phone: '+31 20 794 2000', preferredLanguage: locale });
      const partner = await (await newContext(browser, locale)).newPage();
      await signIn(partner, portal, 'megan@contoso.example');
      await partner.goto(`${portal.url}/rewards`);
      const benefit = partner.getByTestId('benefit-trial-campaign-assets');
      await benefit.getByRole('button', { name: t(locale, 'rewards.activate') }).click();
      await benefit.getByTestId('activation-due').waitFor();
      // A partner never sees a console page: its address leads home.
      await partner.goto(`${portal.url}/console`);
      await partner.waitForURL(`${portal.url}/`);

      const agent = await (await newContext(browser, locale)).newPage();
      // What the page itself reports as wrong (a chart drawn from 0 of 0 logged NaN widths); refused requests aside.
      const pageErrors: string[] = [];
      agent.on('console', (message) => {
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) pageErrors.push(message.text());
      });
      agent.on('pageerror', (error) => pageErrors.push(String(error)));
      await operatorSignIn(agent, portal.url, 'ava@rewards-team.example', locale);
      assert.match(agent.url(), /\/console$/);
      await agent.getByTestId('work-queue').waitFor();

      // Activations only: Megan's is at the top, due in a week.
      await agent.getByLabel(t(locale, 'console.queue.kind')).selectOption('activation');
      await agent.waitForURL(/kind=activation/);
      const top = agent.getByTestId('work-item').first();
      await top.getByText('Contoso Apps').waitFor();
      assert.equal(await top.getAttribute('data-kind'), 'activation');
      assert.equal((await top.getByTestId('time-left').innerText()).trim(), t(locale, 'console.queue.left', { duration: t(locale, 'console.queue.days', { n: 7 }) }));
      assert.deepEqual(await axeViolations(agent), []);
      await screenshot(agent, `console-queue.${locale.slice(0, 2)}`);
      const openBefore = await apiAsOperatorCount(agent, portal.url);

      // The dashboard before the contact: nothing decided yet among the last 30 days' activations.
      const withinWeek = agent.getByTestId('dashboard-within-week');
      await agent.getByRole('navigation').getByRole('link', { name: t(locale, 'console.nav.dashboard') }).click();
      await withinWeek.waitFor();
      assert.equal((await withinWeek.innerText()).trim(), t(locale, 'console.dashboard.nothingDecided'));
      assert.equal((await agent.getByTestId('dashboard-open').innerText()).trim(), String(openBefore));
      await agent.locator('svg').first().waitFor();
      assert.deepEqual(await axeViolations(agent), []);
      await screenshot(agent, `console-dashboard-before.${locale.slice(0, 2)}`);
      await agent.goBack();
      await top.getByRole('button', { name: new RegExp(`^${t(locale, 'console.queue.assignToMe')}`) }).click();
      await top.getByTestId('assignee').getByText('Ava Okafor').waitFor();
      await agent.getByLabel(t(locale, 'console.queue.assignee')).selectOption('me');
      await agent.waitForURL(/assignee=me/);
      // The filtered list replaces the whole one (which stays on screen while it loads).
      // Then one item, twice in a row (a list read again in between shows its spinner): up to 15 s on a loaded machine.
      let steady = 0;
      for (let tries = 0; steady < 2 && tries < 150; tries += 1) {
        steady = (await agent.getByTestId('work-item').count()) === 1 ? steady + 1 : 0;
        await agent.waitForTimeout(100);
      }
      assert.equal(await agent.getByTestId('work-item').count(), 1, `the queue shows: ${await agent.locator('main').innerText()}`);

      await agent.getByTestId('work-item').first().getByRole('button', { name: new RegExp(`^${t(locale, 'console.queue.recordContact')}`) }).click();
      const dialog = agent.getByRole('dialog');
      await dialog.getByLabel(t(locale, 'console.contact.channel')).selectOption('phone');
      await dialog.locator('textarea[name="note"]').fill('Called Megan; the campaign assets go out next week.');
      assert.deepEqual(await axeViolations(agent), []);
      await dialog.getByRole('button', { name: t(locale, 'console.contact.submit') }).click();
      await dialog.waitFor({ state: 'detached' });
      // Contacted: no longer open work.
      await agent.getByText(t(locale, 'console.queue.empty')).waitFor();
      assert.match(await agent.getByTestId('queue-announcement').innerText(), /Contoso Apps/);

      // The dashboard moved: one activation decided, contacted within the week.
      await agent.getByRole('navigation').getByRole('link', { name: t(locale, 'console.nav.dashboard') }).click();
      await agent.getByTestId('dashboard-within-week').getByText(t(locale, 'console.dashboard.withinWeekValue', { share: 1, within: 1, decided: 1 })).waitFor();
      assert.equal((await agent.getByTestId('dashboard-open').innerText()).trim(), String(openBefore - 1));
      await screenshot(agent, `console-dashboard.${locale.slice(0, 2)}`);
      assert.deepEqual(pageErrors, []);

      await partner.goto(`${portal.url}/rewards`);
      await partner.getByTestId('benefit-trial-campaign-assets').getByText(t(locale, 'rewards.status.in-progress'), { exact: true }).waitFor();
      await partner.context().close();
      await agent.context().close();
    });

    it('takes a technical request back to review and through action-required, where the partner answers, from the console at tablet width', async () => {
      const { portal, browser } = env;
      // Marit, a manager, works in Dutch (her own choice), whatever the browser says.
      const manager = await (await newContext(browser, locale, TABLET)).newPage();
      await operatorSignIn(manager, portal.url, 'marit@rewards-team.example', locale, 'nl-NL');
      await manager.goto(`${portal.url}/console?kind=technical-request&state=action-required`);
      const row = manager.getByTestId('work-item').filter({ hasText: 'Contoso Apps' }).first();
      await row.waitFor();
      const id = (await row.getAttribute('data-id'))!;
      const item = () => manager.locator(`[data-id="${id}"]`);
      const move = async (to: string, reason?: string) => {
        await item().getByRole('button', { name: new RegExp(`^${t('nl-NL', 'console.queue.move')}`) }).click();
        const dialog = manager.getByRole('dialog');
        await dialog.getByLabel(t('nl-NL', 'console.move.to')).selectOption(to);
        if (reason) await dialog.locator('textarea[name="reason"]').fill(reason);
        await dialog.getByRole('button', { name: t('nl-NL', 'console.move.submit') }).click();
        await dialog.waitFor({ state: 'detached' });
      };
      await manager.goto(`${portal.url}/console?kind=technical-request`);
      await move('in-review');
      await item().getByTestId('work-state').getByText(t('nl-NL', 'console.state.in-review'), { exact: true }).waitFor();
      await move('action-required', 'Which API version do your customers call?');
      await item().getByTestId('work-state').getByText(t('nl-NL', 'console.state.action-required'), { exact: true }).waitFor();
      assert.deepEqual(await axeViolations(manager), []);
      await screenshot(manager, `console-queue-tablet.${locale.slice(0, 2)}`);

      // The partner answers the question; the request is back with the team.
      const megan = await apiAs(portal, 'megan@contoso.example');
      const asked = (await megan('GET', `/api/v1/rewards/technical-requests/${id}`)) as { status: string; revision: number };
      assert.equal(asked.status, 'action-required');
      await megan('PATCH', `/api/v1/rewards/technical-requests/${id}`, { revision: asked.revision, answer: 'Version 2 of the API, from Azure regions in Europe.' });
      await manager.reload();
      await item().getByTestId('work-state').getByText(t('nl-NL', 'console.state.in-review'), { exact: true }).waitFor();

      // The audit log, a manager's page: her moves on record under her name, and the same filters as CSV.
      await manager.getByRole('navigation').getByRole('link', { name: t('nl-NL', 'console.nav.audit') }).click();
      await manager.locator('input[name="mpnId"]').fill('4100001');
      await manager.locator('input[name="action"]').fill('technical-request.');
      await manager.getByRole('button', { name: t('nl-NL', 'console.audit.apply') }).click();
      await manager.waitForURL(/action=technical-request\./);
      const moved = manager.getByTestId('audit-event').filter({ hasText: 'Marit de Vries' });
      await moved.first().waitFor();
      assert.ok((await moved.count()) >= 2, 'both moves');
      assert.deepEqual(await axeViolations(manager), []);
      await screenshot(manager, `console-audit.${locale.slice(0, 2)}`);
      const csv = await manager.request.get(`${portal.url}${(await manager.getByTestId('audit-export').getAttribute('href'))!}`);
      assert.equal(csv.status(), 200);
      assert.match(csv.headers()['content-type']!, /^text\/csv/);
      const lines = (await csv.text()).trimEnd().split('\r\n');
      assert.ok(lines.slice(1).length >= 2 && lines.slice(1).every((line) => line.includes(',4100001,') && line.includes(',technical-request.')), lines.join('\n'));

      // The outbox: a message whose delivery failed is sent again.
      const failed = await portal.database.db.selectFrom('outbox').select(['id', 'subject']).orderBy('created_at', 'desc').limit(1).executeTakeFirstOrThrow();
      await portal.database.db.updateTable('outbox').set({ status: 'failed', attempts: 8, last_error: '552 mailbox full' }).where('id', '=', failed.id).execute();
      await manager.getByRole('navigation').getByRole('link', { name: t('nl-NL', 'console.nav.outbox') }).click();
      await manager.getByRole('button', { name: new RegExp(`^${t('nl-NL', 'console.outbox.status.failed')}`) }).click();
      await manager.waitForURL(/status=failed/);
      const message = manager.getByTestId('outbox-message').filter({ hasText: '552 mailbox full' });
      await message.waitFor();
      // Its text on request, in the message's language.
      await message.getByRole('button', { name: t('nl-NL', 'console.outbox.showFor', { subject: failed.subject }) }).click();
      const body = await portal.database.db.selectFrom('outbox').select('text_body').where('id', '=', failed.id).executeTakeFirstOrThrow();
      assert.equal((await manager.getByTestId('outbox-body').innerText()).trim(), body.text_body.trim());
      assert.deepEqual(await axeViolations(manager), []);
      await screenshot(manager, `console-outbox.${locale.slice(0, 2)}`);
      await message.getByRole('button', { name: t('nl-NL', 'console.outbox.resendFor', { subject: failed.subject }) }).click();
      await manager.getByText(t('nl-NL', 'console.outbox.empty')).waitFor();
      const again = await portal.database.db.selectFrom('outbox').select(['status', 'attempts']).where('id', '=', failed.id).executeTakeFirstOrThrow();
      assert.deepEqual(again, { status: 'pending', attempts: 0 });

      // Partner lookup by a tenant's domain, then the partner's file.
      await manager.getByRole('navigation').getByRole('link', { name: t('nl-NL', 'console.nav.partners') }).click();
      await manager.locator('input[name="q"]').fill('contoso.example');
      await manager.keyboard.press('Enter');
      await manager.getByTestId('partner-results').getByRole('button', { name: 'Contoso Apps (MPN 4100001)' }).click();
      await manager.waitForURL(/mpnId=4100001/);
      await manager.getByTestId('partner-standing').waitFor();
      await manager.getByTestId('partner-requests').getByText('Hybrid deployment of Contoso Analytics', { exact: false }).waitFor();
      await manager.getByTestId('partner-users').getByText('megan@contoso.example', { exact: false }).waitFor();
      assert.ok((await manager.getByTestId('partner-sales').locator('tbody tr').count()) >= 3, 'months of billed sales');
      assert.deepEqual(await axeViolations(manager), []);
      await screenshot(manager, `console-partner.${locale.slice(0, 2)}`);

      // A manager revokes a benefit with a reason; the partner's file shows it revoked.
      const revocable = manager.getByTestId('partner-entitlements').getByRole('button').filter({ hasText: t('nl-NL', 'console.revoke.action') });
      const before = await revocable.count();
      await revocable.first().click();
      const revokeDialog = manager.getByRole('dialog');
      await revokeDialog.locator('select[name="reason"]').selectOption('GRANTED_IN_ERROR');
      await revokeDialog.locator('textarea[name="note"]').fill('Toegekend aan het verkeerde profiel.');
      assert.deepEqual(await axeViolations(manager), []);
      await revokeDialog.getByRole('button', { name: t('nl-NL', 'console.revoke.submit') }).click();
      await revokeDialog.waitFor({ state: 'detached' });
      await manager.getByTestId('partner-announcement').getByText('is ingetrokken; de partner krijgt een e-mail', { exact: false }).waitFor();
      for (let tries = 0; (await revocable.count()) !== before - 1 && tries < 50; tries += 1) await manager.waitForTimeout(100);
      assert.equal(await revocable.count(), before - 1, 'one benefit fewer to revoke');
      const mail = await portal.database.db.selectFrom('outbox').select(['recipient', 'text_body']).where('kind', '=', 'benefit-revoked').execute();
      assert.equal(mail.length, 1);
      assert.match(mail[0]!.text_body, /Toegekend aan het verkeerde profiel\./);

      // She names Ava the partner's engagement manager: Contoso's unassigned work is Ava's by default.
      const engagement = manager.getByTestId('partner-engagement');
      await engagement.locator('select[name="engagementManager"]').selectOption({ label: t('nl-NL', 'console.operator', { name: 'Ava Okafor', role: t('nl-NL', 'console.role.rewards-agent') }) });
      await engagement.getByRole('button', { name: t('nl-NL', 'console.engagement.name') }).click();
      await manager.getByTestId('partner-announcement').getByText(t('nl-NL', 'console.engagement.named', { name: 'Ava Okafor', account: 'Contoso Apps' })).waitFor();
      await engagement.getByText(t('nl-NL', 'console.engagement.current', { name: 'Ava Okafor' })).waitFor();
      assert.deepEqual(await axeViolations(manager), []);
      await manager.context().close();
    });

    it("an agent declines a sponsorship provisioning request from the queue, then provisions the partner's second one", async () => {
      const { portal, browser } = env;
      // Fabrikam reaches Level 2 (US$ 18,000 + 10,000): its US$ 5,000 sponsorship unlocks, and Nestor asks for it.
      const { token } = await createOperatorToken(portal.database.db, `browser-console-${locale}`);
      const sales = await portal.app.inject({
        method: 'POST',
        url: '/api/v1/ops/billed-sales',
        headers: { authorization: `Bearer ${token}` },
        payload: { items: [{ id: `console-fabrikam-${locale}`, offerId: 'demo-fabrikam-sync', amountUsd: '10000.00', billedAt: new Date(Date.now() - 5 * 86_400_000).toISOString(), status: 'billed' }] },
      });
      assert.equal(sales.statusCode, 200, sales.body);
      const nestor = await apiAs(portal, 'nestor@fabrikam.example');
      const credits = (await nestor('GET', '/api/v1/rewards/sponsorships')) as { items: { id: string; code: string }[] };
      const credit = credits.items.find((item) => item.code === 'sponsorship-5k')!;
      const ask = (subscriptionId: string) => nestor('POST', `/api/v1/rewards/sponsorships/${credit.id}/provisioning-request`, { subscriptionId, billingType: 'pay-as-you-go' });
      await ask('8f2c1a9e-4b7d-4e3a-9c61-2d5b8e0f7a14');

      const username = `sam.${locale.slice(0, 2)}@rewards-team.example`;
      await createOperator(portal.database.db, { username, displayName: 'Sam de Boer', email: username, role: 'rewards-agent', password: DEMO_PASSWORD }, systemContext());
      const page = await (await newContext(browser, locale, TABLET)).newPage();
      await operatorSignIn(page, portal.url, username, locale);
      await page.locator('select').first().selectOption('sponsorship');
      const row = page.getByTestId('work-item').and(page.locator(`[data-id="${credit.id}"]`));
      await row.waitFor();
      const program = defaultProgram();
      const benefit = program.benefits.find((b) => b.code === 'sponsorship-5k')!.names[locale]!;
      const label = (action: 'console.queue.decline' | 'console.queue.provision') => t(locale, 'console.queue.actionsFor', { action: t(locale, action), partner: 'Fabrikam Software' });

      // Declined, saying why: the request leaves the queue and the partner is told.
      await row.getByRole('button', { name: label('console.queue.decline') }).click();
      const decline = page.getByRole('dialog');
      await decline.getByRole('button', { name: t(locale, 'console.sponsorship.declineSubmit') }).click();
      await decline.getByText(t(locale, 'field.FIELD_REQUIRED')).waitFor();
      await decline.locator('textarea[name="reason"]').fill('The subscription belongs to another company.');
      assert.deepEqual(await axeViolations(page), []);
      await decline.getByRole('button', { name: t(locale, 'console.sponsorship.declineSubmit') }).click();
      await decline.waitFor({ state: 'detached' });
      await page.getByTestId('queue-announcement').getByText(t(locale, 'console.sponsorship.declined', { partner: 'Fabrikam Software', benefit })).waitFor();
      await row.waitFor({ state: 'detached' });

      // Asked again with the right subscription: provisioned from now, the credit is active.
      await ask('2d5b8e0f-7a14-4e3a-9c61-8f2c1a9e4b7d');
      await page.reload();
      await row.getByRole('button', { name: label('console.queue.provision') }).click();
      const provision = page.getByRole('dialog');
      await provision.locator('input[name="activeFrom"]').waitFor();
      assert.deepEqual(await axeViolations(page), []);
      await screenshot(page, `console-provision.${locale.slice(0, 2)}`);
      await provision.getByRole('button', { name: t(locale, 'console.sponsorship.provisionSubmit') }).click();
      await provision.waitFor({ state: 'detached' });
      await page.getByTestId('queue-announcement').getByText(t(locale, 'console.sponsorship.provisioned', { partner: 'Fabrikam Software', benefit })).waitFor();
      const after = (await nestor('GET', '/api/v1/rewards/sponsorships')) as { items: { id: string; status: string }[] };
      assert.equal(after.items.find((item) => item.id === credit.id)?.status, 'active');
      const mail = await portal.database.db.selectFrom('outbox').select('text_body').where('kind', '=', 'sponsorship-status').where('text_body', 'like', '%another company%').execute();
      assert.equal(mail.length, 1, 'the decline, with its reason, mailed to the partner');
      await page.context().close();
    });

    it('a manager previews a program definition from a file, sees its problems or who changes, and loads it', async () => {
      const { portal, browser } = env;
      const username = `piet.${locale.slice(0, 2)}@rewards-team.example`;
      await createOperator(portal.database.db, { username, displayName: 'Piet Jansen', email: username, role: 'rewards-manager', password: DEMO_PASSWORD }, systemContext());
      const page = await (await newContext(browser, locale)).newPage();
      await operatorSignIn(page, portal.url, username, locale);
      await page.getByRole('navigation').getByRole('link', { name: t(locale, 'console.nav.program') }).click();
      const current = defaultProgram();
      await page.getByTestId('program-in-force').getByText(t(locale, 'console.program.inForce', { version: 1, name: current.name })).waitFor();

      // A file with a tier code used twice: the problem at its place, nothing loaded.
      const broken = structuredClone(current);
      broken.tiers[2]!.code = 'level-2';
      await page.getByTestId('program-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
      await page.getByRole('button', { name: t(locale, 'console.program.preview'), exact: true }).click();
      const problems = page.getByTestId('program-problems');
      await problems.getByText(t(locale, 'field.CODE_USED_TWICE', { value: 'level-2' })).waitFor();
      await problems.getByText('/tiers/2/code').waitFor();

      // A YAML file with a new benefit for every partner from level 1: the preview names who gains it.
      const next = structuredClone(current);
      next.name = 'Marketplace Rewards 2027';
      next.benefits.push(officeHours('office-hours', 'level-1'));
      await page.getByTestId('program-file').setInputFiles({ name: 'program-2027.yaml', mimeType: 'application/yaml', buffer: Buffer.from(YAML.stringify(next)) });
      await page.getByRole('button', { name: t(locale, 'console.program.preview'), exact: true }).click();
      const contoso = page.getByTestId('program-affected-partner').and(page.locator('[data-mpn-id="4100001"]'));
      await contoso.getByText(locale === 'nl-NL' ? 'Spreekuur marketing' : 'Marketing office hours').waitFor();
      assert.deepEqual(await axeViolations(page), []);
      await screenshot(page, `console-program.${locale.slice(0, 2)}`);

      await page.getByRole('button', { name: t(locale, 'console.program.apply', { version: 2 }) }).click();
      await page.getByTestId('program-announcement').getByText(t(locale, 'console.program.loaded', { version: 2 })).waitFor();
      await page.getByTestId('program-in-force').getByText(t(locale, 'console.program.inForce', { version: 2, name: 'Marketplace Rewards 2027' })).waitFor();
      await page.getByTestId('program-version').filter({ hasText: 'Piet Jansen' }).waitFor();
      // Every partner recomputed under version 2: Contoso now holds the new benefit.
      await page.getByTestId('program-recompute').waitFor({ state: 'detached' });
      const granted = await portal.database.db
        .selectFrom('entitlements as e')
        .innerJoin('partner_accounts as pa', 'pa.id', 'e.partner_account_id')
        .select('e.program_version')
        .where('pa.mpn_id', '=', '4100001')
        .where('e.benefit_code', '=', 'office-hours')
        .execute();
      assert.deepEqual(granted, [{ program_version: 2 }]);
      await page.context().close();
    });

    it('an operator admin adds a member and gives an agent another manager, on the team page', async () => {
      const { portal, browser } = env;
      const username = `olu.${locale.slice(0, 2)}@rewards-team.example`;
      await createOperator(portal.database.db, { username, displayName: 'Olu Adeyemi', email: username, role: 'operator-admin', password: DEMO_PASSWORD }, systemContext());
      const admin = await (await newContext(browser, locale)).newPage();
      await operatorSignIn(admin, portal.url, username, locale);
      await admin.getByRole('navigation').getByRole('link', { name: t(locale, 'console.nav.operators') }).click();
      await admin.getByTestId('operators').waitFor();
      await admin.getByRole('button', { name: t(locale, 'console.operators.add'), exact: true }).click();
      const dialog = admin.getByRole('dialog');
      await dialog.locator('input[name="username"]').fill('noor@rewards-team.example');
      await dialog.locator('input[name="displayName"]').fill('Noor Bakker');
      await dialog.locator('input[name="email"]').fill('noor@rewards-team.example');
      await dialog.locator('input[name="password"]').fill('short');
      await dialog.getByRole('button', { name: t(locale, 'console.operators.addSubmit') }).click();
      await dialog.getByText(t(locale, 'field.TOO_SHORT', { limit: 15 })).waitFor();
      await dialog.locator('input[name="password"]').fill('Correct-Horse-Battery-2026');
      await dialog.getByRole('button', { name: t(locale, 'console.operators.addSubmit') }).click();
      await dialog.waitFor({ state: 'detached' });
      await admin.locator('[data-username="noor@rewards-team.example"]').waitFor();

      const ava = admin.locator('[data-username="ava@rewards-team.example"]');
      await ava.getByRole('button', { name: t(locale, 'console.operators.changeFor', { name: 'Ava Okafor' }) }).click();
      // Ava reports to Marit (the demo); she now reports to Olu.
      await admin.getByRole('dialog').locator('select[name="managerId"]').selectOption({ label: 'Olu Adeyemi' });
      assert.deepEqual(await axeViolations(admin), []);
      await admin.getByRole('dialog').getByRole('button', { name: t(locale, 'web.save') }).click();
      await admin.getByRole('dialog').waitFor({ state: 'detached' });
      await ava.getByText('Olu Adeyemi').waitFor();
      await screenshot(admin, `console-team.${locale.slice(0, 2)}`);

      // An API token for a system: its secret shown once, working at once, refused once revoked.
      await admin.getByRole('navigation').getByRole('link', { name: t(locale, 'console.nav.tokens') }).click();
      await admin.getByRole('button', { name: t(locale, 'console.tokens.create'), exact: true }).click();
      const create = admin.getByRole('dialog');
      await create.locator('input[name="name"]').fill('crm sync');
      await create.getByRole('button', { name: t(locale, 'console.tokens.createSubmit') }).click();
      await create.locator('input[name="name"][aria-invalid="true"]').waitFor();
      await create.locator('input[name="name"]').fill(`crm-sync-${locale}`);
      await create.locator('select[name="lifetime"]').selectOption('30');
      await create.getByRole('button', { name: t(locale, 'console.tokens.createSubmit') }).click();
      const shown = admin.getByTestId('token-secret-card');
      const secret = (await shown.getByTestId('token-secret').innerText()).trim();
      await admin.getByTestId('tokens-announcement').getByText(t(locale, 'console.tokens.created', { name: `crm-sync-${locale}` })).waitFor();
      assert.deepEqual(await axeViolations(admin), []);
      const me = () => fetch(`${portal.url}/api/v1/ops/me`, { headers: { authorization: `Bearer ${secret}` } });
      assert.equal((await me()).status, 200);
      await shown.getByRole('button', { name: t(locale, 'console.tokens.secretDone') }).click();
      await shown.waitFor({ state: 'detached' });
      const row = admin.locator(`[data-testid="token"][data-name="crm-sync-${locale}"]`);
      await row.getByTestId('token-status').getByText(t(locale, 'console.tokens.status.active')).waitFor();
      await screenshot(admin, `console-tokens.${locale.slice(0, 2)}`);
      await row.getByRole('button', { name: t(locale, 'console.tokens.revokeFor', { name: `crm-sync-${locale}` }) }).click();
      await admin.getByRole('dialog').getByRole('button', { name: t(locale, 'console.tokens.revoke'), exact: true }).click();
      await admin.getByTestId('tokens-announcement').getByText(t(locale, 'console.tokens.revoked', { name: `crm-sync-${locale}` })).waitFor();
      await row.getByTestId('token-status').getByText(t(locale, 'console.tokens.status.revoked')).waitFor();
      assert.equal((await me()).status, 401);
      await admin.context().close();
    });
  });
}

consoleWalk('en-US');
consoleWalk('nl-NL');

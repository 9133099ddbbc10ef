import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { REQUEST_TRANSITIONS } from '../src/modules/technical/technical.policy.ts';
import { TECHNICAL_REQUEST_STATUSES, type TechnicalRequestStatus } from '../src/platform/values.ts';
import { auditFor, outboxFor } from './benefits-helpers.ts';
import { putOffer } from './eligibility-helpers.ts';
import { call, engines, errorOf, signIn, startTestApp, type TestApp } from './helpers.ts';
import {
  createTechnicalPartner,
  move,
  moved,
  readRequest,
  REQUESTS_URL,
  requestBody,
  submit,
  submitted,
  technicalBenefits,
  type RequestBody,
  type TechnicalPartner,
} from './technical-helpers.ts';

// Technical assistance requests (issue #12): submitting (validation, idempotency), editing with a
// revision, the lifecycle as the table allows it and nothing else, reservations on the benefit, and
// the emails to the technical contact. Attachments and access are in technical-attachments.test.ts.

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** Drives a new request to `status` through allowed moves only. */
async function requestIn(t: TestApp, p: TechnicalPartner, status: TechnicalRequestStatus): Promise<RequestBody> {
  const request = await submitted(t, p, { title: `Request to be ${status}` });
  const path: Record<TechnicalRequestStatus, Record<string, unknown>[]> = {
    submitted: [],
    'in-review': [{ to: 'in-review' }],
    'action-required': [{ to: 'action-required', reason: 'Which region do you deploy to?' }],
    scheduled: [{ to: 'in-review' }, { to: 'scheduled', scheduledAt: inDays(5) }],
    completed: [{ to: 'in-review' }, { to: 'scheduled', scheduledAt: inDays(5) }, { to: 'completed' }],
    declined: [{ to: 'declined', reason: 'Out of scope' }],
    cancelled: [],
  };
  let current = request;
  for (const step of path[status]) current = await moved(t, request.id, step);
  if (status === 'cancelled') {
    const response = await call(t.app, p.session, 'POST', `${REQUESTS_URL}/${request.id}/cancellation`, {});
    assert.equal(response.statusCode, 200, response.body);
    current = response.json<RequestBody>();
  }
  assert.equal(current.status, status);
  return current;
}

for (const engine of engines()) {
  describe(`technical assistance requests (${engine.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine);
    });
    after(async () => t.close());

    it('submits a request that reserves 2 of 8 hours, mails the contact in their language and is audited', async () => {
      const p = await createTechnicalPartner(t, 'nl-NL');
      const request = await submitted(t, p);
      assert.equal(request.status, 'submitted');
      assert.equal(request.revision, 1);
      assert.match(request.reference, /^TR-\d+$/);
      assert.equal(request.benefitId, p.benefitId);
      assert.deepEqual(request.reserved, { quantity: 2, unit: 'hours' });
      assert.equal(request.contact.email, p.contactEmail, 'the marketing contact by default');
      assert.deepEqual(request.history.map((h) => [h.from, h.to]), [[null, 'submitted']]);
      const benefit = (await technicalBenefits(t, p.session)).find((b) => b.id === p.benefitId)!;
      assert.deepEqual([benefit.total, benefit.reserved, benefit.remaining, benefit.status], [8, 2, 6, 'available']);

      const mails = (await outboxFor(t.database.db, [p.contactEmail])).filter((m) => m.kind === 'technical-request-submitted');
      assert.equal(mails.length, 1);
      assert.equal(mails[0]!.locale, 'nl-NL');
      assert.match(mails[0]!.subject, new RegExp(`Aanvraag voor technische ondersteuning ${request.reference} ontvangen`));
      assert.ok(mails[0]!.text_body.includes(`http://localhost:3000/rewards/technical/requests/${request.id}`), mails[0]!.text_body);
      assert.equal((await auditFor(t.database.db, p.accountId, 'technical-request.submitted')).length, 1);

      const list = await call(t.app, p.session, 'GET', REQUESTS_URL);
      assert.deepEqual(list.json<{ items: { id: string }[] }>().items.map((item) => item.id), [request.id]);
    });

    it('reports every problem of a submit at once, in the caller language, and stores nothing', async () => {
      const p = await createTechnicalPartner(t);
      const empty = await submit(t, p.session, {}, { 'accept-language': 'nl-NL' });
      assert.equal(empty.statusCode, 422);
      const fields = errorOf(empty).fields!;
      assert.deepEqual(Object.keys(fields).sort(), ['description', 'offerId', 'phase', 'solutionType', 'title']);
      assert.ok(Object.values(fields).every((field) => field.code === 'FIELD_REQUIRED'), JSON.stringify(fields));

      const other = await createTechnicalPartner(t);
      const wrong = await submit(t, p.session, requestBody(other, { timeZone: 'Mars/Olympus', contact: { userId: other.partner.users.admin!.id, email: 'x@example.com', phone: '12', preferredLanguage: 'fr-FR' } }));
      assert.equal(wrong.statusCode, 422, wrong.body);
      const codes = Object.fromEntries(Object.entries(errorOf(wrong).fields!).map(([name, field]) => [name, field.code]));
      assert.deepEqual(codes, {
        offerId: 'OFFER_UNKNOWN',
        timeZone: 'TIME_ZONE_UNKNOWN',
        'contact.userId': 'USER_NOT_IN_ACCOUNT',
        'contact.phone': 'PHONE_INVALID',
        'contact.preferredLanguage': 'LANGUAGE_UNSUPPORTED',
      });
      const list = await call(t.app, p.session, 'GET', REQUESTS_URL);
      assert.equal(list.json<{ items: unknown[] }>().items.length, 0);
    });

    it('with an Idempotency-Key, a repeated submit and two at once make one request and return it', async () => {
      const p = await createTechnicalPartner(t);
      const key = randomUUID();
      const first = await submit(t, p.session, requestBody(p), { 'idempotency-key': key });
      assert.equal(first.statusCode, 201, first.body);
      const again = await submit(t, p.session, requestBody(p), { 'idempotency-key': key });
      assert.equal(again.statusCode, 201);
      assert.equal(again.headers['idempotent-replayed'], 'true');
      assert.equal(again.json<RequestBody>().id, first.json<RequestBody>().id);
      const reused = await submit(t, p.session, requestBody(p, { title: 'Another request' }), { 'idempotency-key': key });
      assert.equal(reused.statusCode, 422);
      assert.equal(errorOf(reused).code, 'IDEMPOTENCY_KEY_REUSED');

      const raceKey = randomUUID();
      const race = await Promise.all(Array.from({ length: 6 }, () => submit(t, p.session, requestBody(p, { title: 'Raced' }), { 'idempotency-key': raceKey })));
      assert.deepEqual(race.map((r) => r.statusCode), [201, 201, 201, 201, 201, 201], race.map((r) => r.body).join('\n'));
      assert.equal(new Set(race.map((r) => r.json<RequestBody>().id)).size, 1);
      const rows = await t.database.db.selectFrom('technical_requests').select('id').where('partner_account_id', '=', p.accountId).execute();
      assert.equal(rows.length, 2, 'one request per key');
      const benefit = (await technicalBenefits(t, p.session)).find((b) => b.id === p.benefitId)!;
      assert.equal(benefit.reserved, 4, 'two requests, 2 hours each');
    });

    it('refuses a stale revision with 409 and the current one, and changes nothing', async () => {
      const p = await createTechnicalPartner(t);
      const request = await submitted(t, p);
      const edited = await call(t.app, p.session, 'PATCH', `${REQUESTS_URL}/${request.id}`, { revision: 1, title: 'First editor' });
      assert.equal(edited.statusCode, 200, edited.body);
      assert.equal(edited.json<RequestBody>().revision, 2);
      const stale = await call(t.app, p.session, 'PATCH', `${REQUESTS_URL}/${request.id}`, { revision: 1, title: 'Second editor' });
      assert.equal(stale.statusCode, 409);
      assert.equal(errorOf(stale).code, 'REVISION_CONFLICT');
      assert.deepEqual(stale.json<{ error: { conflict: unknown } }>().error.conflict, { type: 'technical-request', id: request.id, revision: 2 });
      const now = await readRequest(t, p.session, request.id);
      assert.equal(now.title, 'First editor');
      assert.equal(now.revision, 2);
      const nothing = await call(t.app, p.session, 'PATCH', `${REQUESTS_URL}/${request.id}`, { revision: 2, title: 'First editor' });
      assert.equal(nothing.statusCode, 422);
      assert.equal(errorOf(nothing).fields?.revision?.code, 'NOTHING_TO_CHANGE');
    });

    it('goes through action-required and back: the question is a message, the answer another, each change mailed', async () => {
      const p = await createTechnicalPartner(t, 'nl-NL');
      const request = await submitted(t, p);
      const asked = await moved(t, request.id, { to: 'action-required', reason: 'Which region do you deploy to?' });
      assert.deepEqual(asked.moves?.sort(), ['declined', 'in-review']);
      const seen = await readRequest(t, p.session, request.id);
      assert.deepEqual([seen.abilities.answer, seen.abilities.edit, seen.abilities.cancel], [true, false, true]);
      assert.deepEqual(seen.messages.map((m) => (m as { authorName?: string }).authorName), ['Rewards team'], 'the team, not the token');
      assert.deepEqual(seen.messages.map((m) => [m.authorType, m.body]), [['operator', 'Which region do you deploy to?']]);

      const unanswered = await call(t.app, p.session, 'PATCH', `${REQUESTS_URL}/${request.id}`, { revision: seen.revision, title: 'No answer' });
      assert.equal(unanswered.statusCode, 422);
      assert.equal(errorOf(unanswered).fields?.answer?.code, 'FIELD_REQUIRED');
      const answered = await call(t.app, p.session, 'PATCH', `${REQUESTS_URL}/${request.id}`, { revision: seen.revision, answer: 'West Europe.' });
      assert.equal(answered.statusCode, 200, answered.body);
      const body = answered.json<RequestBody>();
      assert.equal(body.status, 'in-review');
      assert.deepEqual(body.messages.map((m) => m.authorType), ['operator', 'user']);

      const at = inDays(3);
      const scheduled = await moved(t, request.id, { to: 'scheduled', scheduledAt: at });
      assert.equal(scheduled.scheduledAt, at);
      assert.equal((await moved(t, request.id, { to: 'completed' })).status, 'completed');
      const history = (await readRequest(t, p.session, request.id)).history.map((h) => `${h.from}>${h.to}:${h.actorType}`);
      assert.deepEqual(history, [
        'null>submitted:user',
        'submitted>action-required:operator',
        'action-required>in-review:user',
        'in-review>scheduled:operator',
        'scheduled>completed:operator',
      ]);
      const mails = (await outboxFor(t.database.db, [p.contactEmail])).filter((m) => m.kind.startsWith('technical-request'));
      assert.deepEqual(mails.map((m) => m.kind), [
        'technical-request-submitted',
        'technical-request-status',
        'technical-request-status',
        'technical-request-status',
        'technical-request-status',
      ]);
      assert.ok(mails.every((m) => m.locale === 'nl-NL'));
      assert.match(mails[1]!.text_body, /Van het Rewards-team: Which region do you deploy to\?/);
      assert.match(mails[3]!.text_body, /De sessie is gepland op .+ \(Europe\/Amsterdam\)/);
    });

    it('refuses every move the lifecycle table does not allow, for the team and for the partner, and changes nothing', async () => {
      const p = await createTechnicalPartner(t);
      // Each status once, on its own request (the benefit has room for four; declined and cancelled give back).
      for (const from of TECHNICAL_REQUEST_STATUSES) {
        const request = await requestIn(t, p, from);
        for (const to of TECHNICAL_REQUEST_STATUSES) {
          if (REQUEST_TRANSITIONS.some((tr) => tr.from === from && tr.to === to && tr.by === 'operator')) continue;
          const refused = await move(t, request.id, { to, reason: 'why', scheduledAt: inDays(2) });
          assert.equal(refused.statusCode, 409, `${from} -> ${to}: ${refused.body}`);
          assert.equal(errorOf(refused).code, 'TRANSITION_REFUSED');
        }
        const partnerMayCancel = REQUEST_TRANSITIONS.some((tr) => tr.from === from && tr.to === 'cancelled' && tr.by === 'partner');
        const cancel = await call(t.app, p.session, 'POST', `${REQUESTS_URL}/${request.id}/cancellation`, {});
        if (from === 'cancelled') assert.equal(cancel.statusCode, 200, 'cancelling again answers the cancelled request');
        else if (partnerMayCancel) assert.equal(cancel.statusCode, 200, `${from}: ${cancel.body}`);
        else {
          assert.equal(cancel.statusCode, 409, `${from} cancel: ${cancel.body}`);
          const after = await readRequest(t, p.session, request.id);
          assert.equal(after.status, from);
          assert.equal(after.revision, request.revision, 'a refused move changes nothing');
        }
      }
      // What a move needs: a reason to decline or ask, a future time to schedule.
      const request = await requestIn(t, p, 'in-review');
      assert.equal(errorOf(await move(t, request.id, { to: 'declined' })).fields?.reason?.code, 'FIELD_REQUIRED');
      assert.equal(errorOf(await move(t, request.id, { to: 'scheduled' })).fields?.scheduledAt?.code, 'FIELD_REQUIRED');
      assert.equal(errorOf(await move(t, request.id, { to: 'scheduled', scheduledAt: inDays(-1) })).fields?.scheduledAt?.code, 'NOT_IN_FUTURE');
      const closed = await requestIn(t, p, 'declined');
      const message = await call(t.app, p.session, 'POST', `${REQUESTS_URL}/${closed.id}/messages`, { body: 'Hello?' });
      assert.equal(message.statusCode, 409);
      assert.equal(errorOf(message).code, 'REQUEST_CLOSED');
      const edit = await call(t.app, p.session, 'PATCH', `${REQUESTS_URL}/${closed.id}`, { revision: closed.revision, title: 'Too late' });
      assert.equal(edit.statusCode, 409);
      assert.equal(errorOf(edit).code, 'REQUEST_NOT_EDITABLE');
    });

    it('reserves hours until none are left, then gives them back when a request is declined or cancelled', async () => {
      const p = await createTechnicalPartner(t);
      const requests = [];
      for (let i = 0; i < 4; i += 1) requests.push(await submitted(t, p, { title: `Request ${i}` }));
      let benefit = (await technicalBenefits(t, p.session)).find((b) => b.id === p.benefitId)!;
      assert.deepEqual([benefit.remaining, benefit.status, benefit.abilities.request], [0, 'in-progress', false]);
      const refused = await submit(t, p.session, requestBody(p, { title: 'One too many' }));
      assert.equal(refused.statusCode, 409, refused.body);
      assert.equal(errorOf(refused).code, 'BENEFIT_NOT_AVAILABLE');

      await moved(t, requests[0]!.id, { to: 'declined', reason: 'Duplicate of another request' });
      benefit = (await technicalBenefits(t, p.session)).find((b) => b.id === p.benefitId)!;
      assert.deepEqual([benefit.remaining, benefit.status], [2, 'available']);
      const cancelled = await call(t.app, p.session, 'POST', `${REQUESTS_URL}/${requests[1]!.id}/cancellation`, { reason: 'Solved it ourselves' });
      assert.equal(cancelled.statusCode, 200, cancelled.body);
      benefit = (await technicalBenefits(t, p.session)).find((b) => b.id === p.benefitId)!;
      assert.deepEqual([benefit.remaining, benefit.reserved], [4, 4]);
      const events = await t.database.db.selectFrom('entitlement_events').select(['from_status', 'to_status', 'reason_code']).where('entitlement_id', '=', p.benefitId).orderBy('occurred_at').orderBy('id').execute();
      assert.deepEqual(events.map((e) => e.reason_code), ['TIER_REACHED', 'FULLY_RESERVED', 'RESERVATION_RETURNED']);

      // Completing every request of a benefit with nothing left completes the benefit.
      for (const request of [requests[2]!, requests[3]!, await submitted(t, p), await submitted(t, p)]) {
        await moved(t, request.id, { to: 'in-review' });
        await moved(t, request.id, { to: 'scheduled', scheduledAt: inDays(1) });
        await moved(t, request.id, { to: 'completed' });
      }
      benefit = (await technicalBenefits(t, p.session)).find((b) => b.id === p.benefitId)!;
      assert.deepEqual([benefit.status, benefit.used, benefit.remaining], ['completed', 8, 0]);
    });

    it('draws on a benefit that covers the phase: the presales consultation is not spent on a deployment', async () => {
      const p = await createTechnicalPartner(t);
      await putOffer(t, p.id('trial'), p.profile, 'trial');
      const benefits = await technicalBenefits(t, p.session);
      const consultation = benefits.find((b) => b.code === 'trial-presales-consultation')!;
      assert.deepEqual((consultation as unknown as { phases: string[] }).phases, ['presales', 'design']);
      const deployment = await submitted(t, p, { phase: 'deployment' });
      assert.equal(deployment.benefitId, p.benefitId, 'the hours, though the consultation ends first');
      const presales = await submitted(t, p, { phase: 'presales' });
      assert.equal(presales.benefitId, consultation.id, 'the one that ends first, when it covers the phase');
      assert.deepEqual(presales.reserved, { quantity: 1, unit: 'requests' });
      const forced = await submit(t, p.session, requestBody(p, { phase: 'deployment', benefitId: consultation.id }), { 'accept-language': 'nl-NL' });
      assert.equal(forced.statusCode, 422);
      assert.equal(errorOf(forced).fields?.benefitId?.code, 'PHASE_NOT_COVERED');
      assert.match(errorOf(forced).fields!.benefitId!.message, /alleen voor de fasen presales, ontwerp/);
    });

    it('lets the roles that see the program submit, and no one else', async () => {
      const p = await createTechnicalPartner(t);
      const agent = await signIn(t.app, p.partner.users.helper!.username);
      assert.equal((await submit(t, agent, requestBody(p))).statusCode, 201);
      const plain = await signIn(t.app, p.partner.users.plain!.username);
      const refused = await submit(t, plain, requestBody(p));
      assert.equal(refused.statusCode, 403);
      assert.equal((await call(t.app, plain, 'GET', REQUESTS_URL)).statusCode, 403);
      assert.equal((await call(t.app, null, 'GET', REQUESTS_URL)).statusCode, 401);
      assert.equal((await call(t.app, p.session, 'GET', '/api/v1/ops/technical-requests')).statusCode, 401, 'a partner session is no operator');
    });
  });
}

for (const engine of engines()) {
  describe(`technical assistance requests: the daily limit (${engine.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine, { TECHNICAL_REQUESTS_PER_DAY: '2' });
    });
    after(async () => t.close());

    it('refuses a submit past the daily limit with 429 and Retry-After, even after cancelling, and mails nothing for it', async () => {
      const p = await createTechnicalPartner(t);
      const first = await submitted(t, p);
      assert.equal((await call(t.app, p.session, 'POST', `${REQUESTS_URL}/${first.id}/cancellation`, {})).statusCode, 200);
      await submitted(t, p);
      const third = await submit(t, p.session, requestBody(p), { 'accept-language': 'nl-NL' });
      assert.equal(third.statusCode, 429, third.body);
      assert.equal(errorOf(third).code, 'RATE_LIMITED');
      assert.match(errorOf(third).message, /al 2 aanvragen voor technische ondersteuning ingediend/);
      assert.ok(Number(third.headers['retry-after']) > 0);
      const submittedMails = (await outboxFor(t.database.db, [p.contactEmail])).filter((m) => m.kind === 'technical-request-submitted');
      assert.equal(submittedMails.length, 2);
    });
  });
}

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { csvCell } from '../src/modules/audit/audit-log.service.ts';
import { activate, createSalesPartner, signInWithContact } from './benefits-helpers.ts';
import { engines, errorOf, startTestApp, type TestApp } from './helpers.ts';
import { asOperator, operatorSession, type OperatorSession } from './operator-helpers.ts';

// The audit log in the console (issue #14): filters by actor, partner, action and time, names its
// actors, is a manager's to read, and exports as CSV that a spreadsheet does not run.

interface EventBody {
  occurredAt: string;
  actor: { type: string; id: string | null; name: string | null };
  partner: { mpnId: string } | null;
  action: string;
  subjectId: string | null;
  details: Record<string, unknown>;
}

describe('CSV cells', () => {
  it('quote what needs quoting and defuse what a spreadsheet would run', () => {
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell(null), '');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('=HYPERLINK("http://evil.example","x")'), `"'=HYPERLINK(""http://evil.example"",""x"")"`);
    for (const formula of ['+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) assert.ok(csvCell(formula).replace(/^"/, '').startsWith("'"), formula);
    assert.equal(csvCell('line\nbreak'), '"line\nbreak"');
  });
});

for (const engine of engines()) {
  describe(`the audit log (${engine.name})`, () => {
    let t: TestApp;
    let manager: OperatorSession;
    let agent: OperatorSession;
    let mpnId: string;
    let activationId: string;
    before(async () => {
      t = await startTestApp(engine);
      manager = await operatorSession(t.app, t, 'rewards-manager', { name: 'Marit' });
      agent = await operatorSession(t.app, t, 'rewards-agent', { name: '=cmd|calc' });
      const sales = await createSalesPartner(t);
      mpnId = sales.mpnId;
      const session = await signInWithContact(t, sales, 'admin');
      activationId = (await activate(t.app, session, sales.salesBenefitId)).json<{ id: string }>().id;
      const assigned = await asOperator(t.app, agent, 'POST', `/api/v1/ops/work/activation/${activationId}/assignment`, {});
      assert.equal(assigned.statusCode, 200, assigned.body);
      const contact = await asOperator(t.app, agent, 'POST', `/api/v1/ops/work/activation/${activationId}/contacts`, { channel: 'phone', note: '=1+1 called, "agreed"' });
      assert.equal(contact.statusCode, 201, contact.body);
    });
    after(async () => t.close());

    it("lists a partner's events newest first, naming who did them, and filters by actor, action and time", async () => {
      const response = await asOperator(t.app, manager, 'GET', `/api/v1/ops/audit-events?mpnId=${mpnId}`);
      assert.equal(response.statusCode, 200, response.body);
      const items = response.json<{ items: EventBody[] }>().items;
      assert.ok(items.length >= 4, JSON.stringify(items.map((i) => i.action)));
      assert.ok(items.every((item) => item.partner?.mpnId === mpnId));
      const times = items.map((item) => item.occurredAt);
      assert.deepEqual(times, [...times].sort().reverse(), 'newest first');
      const contacted = items.find((item) => item.action === 'work.contact-recorded')!;
      assert.deepEqual(contacted.actor, { type: 'operator', id: agent.id, name: '=cmd|calc' });
      assert.equal(contacted.details.channel, 'phone');

      const byAgent = (await asOperator(t.app, manager, 'GET', `/api/v1/ops/audit-events?actorId=${agent.id}&action=work.`)).json<{ items: EventBody[] }>().items;
      assert.deepEqual(byAgent.map((item) => item.action).sort(), ['work.assigned', 'work.contact-recorded']);
      const future = (await asOperator(t.app, manager, 'GET', `/api/v1/ops/audit-events?mpnId=${mpnId}&from=${new Date(Date.now() + 3_600_000).toISOString()}`)).json<{ items: EventBody[] }>().items;
      assert.deepEqual(future, []);
      // The agent's own reads of the queue are on record too (operators.plugin.ts).
      const reads = (await asOperator(t.app, manager, 'GET', `/api/v1/ops/audit-events?actorId=${manager.id}&action=operator.read`)).json<{ items: EventBody[] }>().items;
      assert.ok(reads.length >= 3, 'the manager reading the log is itself recorded');

      const refused = await asOperator(t.app, manager, 'GET', '/api/v1/ops/audit-events?from=yesterday');
      assert.equal(refused.statusCode, 422);
      assert.equal(errorOf(refused).fields!.from!.code, 'FORMAT_INVALID');
      const agentRefused = await asOperator(t.app, agent, 'GET', '/api/v1/ops/audit-events');
      assert.equal(agentRefused.statusCode, 403);
    });

    it('exports the filtered log as CSV a spreadsheet reads as text', async () => {
      const response = await asOperator(t.app, manager, 'GET', `/api/v1/ops/audit-events.csv?mpnId=${mpnId}`);
      assert.equal(response.statusCode, 200, response.body);
      assert.match(String(response.headers['content-type']), /^text\/csv/);
      assert.match(String(response.headers['content-disposition']), /^attachment; filename="audit-log-\d{4}-\d{2}-\d{2}\.csv"$/);
      const lines = response.body.trimEnd().split('\r\n');
      assert.equal(lines[0], 'occurred_at,actor_type,actor_id,actor_name,partner_mpn_id,partner_name,action,subject_type,subject_id,details,request_id');
      const contacted = lines.find((line) => line.includes('work.contact-recorded'))!;
      assert.ok(contacted.includes(`,'=cmd|calc,`), contacted);
      // The note's formula sits inside the JSON details, which start with "{": not a formula, but quoted for its quotes and commas.
      assert.ok(contacted.includes(',"{""') && contacted.includes('""channel"":""phone""'), contacted);
      assert.ok(lines.slice(1).every((line) => !/(^|,)[=+@-]/.test(line)), 'no cell starts a formula');
      assert.equal(lines.length - 1, (await asOperator(t.app, manager, 'GET', `/api/v1/ops/audit-events?mpnId=${mpnId}&limit=200`)).json<{ items: unknown[] }>().items.length);
    });
  });
}

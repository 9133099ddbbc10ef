import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { call, engines, errorOf, ops, startTestApp, type Session, type TestApp } from './helpers.ts';
import { createTechnicalPartner, REQUESTS_URL, submitted, type RequestBody } from './technical-helpers.ts';

// Technical requests, part 2: files (limits, types read from the content, how they are served) and
// another partner's access to any of it (404, never their data).

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
const TEXT = Buffer.from('Logs from the connector:\n\tERROR timeout after 30 s\nÉén regel in het Nederlands.\n');
const HTML = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

const upload = (t: TestApp, session: Session, id: string, fileName: string, bytes: Buffer | string) =>
  call(t.app, session, 'POST', `${REQUESTS_URL}/${id}/attachments`, { fileName, contentBase64: typeof bytes === 'string' ? bytes : bytes.toString('base64') });

for (const engine of engines()) {
  describe(`technical request files and access (${engine.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(engine);
    });
    after(async () => t.close());

    it('takes PDF, PNG and text by their content, serves each as an attachment that no browser runs', async () => {
      const p = await createTechnicalPartner(t);
      const request = await submitted(t, p);
      for (const [name, bytes, type] of [['design.pdf', PDF, 'application/pdf'], ['diagram.png', PNG, 'image/png'], ['connector log.txt', TEXT, 'text/plain']] as const) {
        const response = await upload(t, p.session, request.id, name, bytes);
        assert.equal(response.statusCode, 201, response.body);
        const file = response.json<{ id: string; mediaType: string; sizeBytes: number }>();
        assert.equal(file.mediaType, type);
        assert.equal(file.sizeBytes, bytes.length);
        const download = await call(t.app, p.session, 'GET', `${REQUESTS_URL}/${request.id}/attachments/${file.id}`);
        assert.equal(download.statusCode, 200);
        assert.deepEqual(download.rawPayload, bytes, 'the same bytes back');
        assert.match(String(download.headers['content-disposition']), /^attachment; filename="/);
        assert.equal(download.headers['x-content-type-options'], 'nosniff');
        assert.match(String(download.headers['content-security-policy']), /sandbox/);
        assert.equal(String(download.headers['content-type']).split(';')[0], type);
      }
      const detail = await call(t.app, p.session, 'GET', `${REQUESTS_URL}/${request.id}`);
      assert.deepEqual(detail.json<RequestBody>().attachments.map((a) => a.fileName), ['design.pdf', 'diagram.png', 'connector log.txt']);
      // The team reads them through its own API.
      const teamFile = detail.json<RequestBody>().attachments[0]!;
      const team = await ops(t, 'GET', `/api/v1/ops/technical-requests/${request.id}/attachments/${teamFile.id}`);
      assert.equal(team.statusCode, 200);
      assert.deepEqual(team.rawPayload, PDF);
    });

    it('refuses HTML named .pdf, programs, bad base64 and oversized files, and a sixth file', async () => {
      const p = await createTechnicalPartner(t);
      const request = await submitted(t, p);
      for (const [name, bytes, code] of [
        ['invoice.pdf', HTML, 'FILE_TYPE_NOT_ALLOWED'],
        ['setup.txt', EXE, 'FILE_TYPE_NOT_ALLOWED'],
        ['broken.txt', 'not base64!!', 'FORMAT_INVALID'],
        ['big.txt', Buffer.alloc(4 * 1024 * 1024 + 1, 0x61), 'FILE_TOO_LARGE'],
      ] as const) {
        const response = await upload(t, p.session, request.id, name, bytes);
        assert.equal(response.statusCode, 422, `${name}: ${response.body}`);
        assert.equal(errorOf(response).fields?.contentBase64?.code, code, name);
      }
      const dutch = await call(t.app, p.session, 'POST', `${REQUESTS_URL}/${request.id}/attachments`, { fileName: 'x.pdf', contentBase64: HTML.toString('base64') }, { 'accept-language': 'nl-NL' });
      assert.match(errorOf(dutch).fields!.contentBase64!.message, /Voeg een pdf/);
      for (let i = 0; i < 5; i += 1) assert.equal((await upload(t, p.session, request.id, `notes-${i}.txt`, TEXT)).statusCode, 201);
      const sixth = await upload(t, p.session, request.id, 'notes-6.txt', TEXT);
      assert.equal(sixth.statusCode, 409);
      assert.equal(errorOf(sixth).code, 'TOO_MANY_ATTACHMENTS');
      const stored = await t.database.db.selectFrom('technical_request_attachments').select('file_name').where('request_id', '=', request.id).execute();
      assert.equal(stored.length, 5, 'nothing refused was stored');
    });

    it('keeps a path or control characters out of a file name', async () => {
      const p = await createTechnicalPartner(t);
      const request = await submitted(t, p);
      const response = await upload(t, p.session, request.id, '../../etc/pass"wd\u0007.txt', TEXT);
      assert.equal(response.statusCode, 201, response.body);
      assert.equal(response.json<{ fileName: string }>().fileName, 'passwd.txt');
    });

    it("answers another partner with 404 for each of a request's operations, and changes nothing", async () => {
      const owner = await createTechnicalPartner(t);
      const other = await createTechnicalPartner(t);
      const request = await submitted(t, owner);
      const file = await upload(t, owner.session, request.id, 'design.pdf', PDF);
      const fileId = file.json<{ id: string }>().id;
      const attempts = [
        call(t.app, other.session, 'GET', `${REQUESTS_URL}/${request.id}`),
        call(t.app, other.session, 'PATCH', `${REQUESTS_URL}/${request.id}`, { revision: 1, title: 'Taken over' }),
        call(t.app, other.session, 'POST', `${REQUESTS_URL}/${request.id}/cancellation`, {}),
        call(t.app, other.session, 'POST', `${REQUESTS_URL}/${request.id}/messages`, { body: 'Hello' }),
        call(t.app, other.session, 'POST', `${REQUESTS_URL}/${request.id}/attachments`, { fileName: 'x.txt', contentBase64: TEXT.toString('base64') }),
        call(t.app, other.session, 'GET', `${REQUESTS_URL}/${request.id}/attachments/${fileId}`),
      ];
      for (const response of await Promise.all(attempts)) {
        assert.equal(response.statusCode, 404, response.body);
        assert.equal(errorOf(response).code, 'NOT_FOUND');
        assert.ok(!response.body.includes(request.title), 'no data of the owner');
      }
      const list = await call(t.app, other.session, 'GET', REQUESTS_URL);
      assert.deepEqual(list.json<{ items: unknown[] }>().items, []);
      const after = await call(t.app, owner.session, 'GET', `${REQUESTS_URL}/${request.id}`);
      const body = after.json<RequestBody>();
      assert.deepEqual([body.status, body.revision, body.title, body.messages.length, body.attachments.length], ['submitted', 1, request.title, 0, 1]);
      // The owner's file id under another request of the owner is not found either.
      const second = await submitted(t, owner, { title: 'Second' });
      assert.equal((await call(t.app, owner.session, 'GET', `${REQUESTS_URL}/${second.id}/attachments/${fileId}`)).statusCode, 404);
    });
  });
}

import assert from 'node:assert/strict';
import type { Session, TestApp } from './helpers.ts';
import { call, ops, signIn } from './helpers.ts';
import { putContact, contactBody } from './benefits-helpers.ts';
import { createTransactSeller } from './eligibility-helpers.ts';

/** A technical assistance request as the API answers it (the parts the tests read). */
export interface RequestBody {
  id: string;
  reference: string;
  benefitId: string;
  status: string;
  revision: number;
  title: string;
  description: string;
  scheduledAt: string | null;
  reserved: { quantity: number; unit: string };
  contact: { name: string; email: string; phone: string; preferredLanguage: string };
  history: { from: string | null; to: string; actorType: string; reason: string | null }[];
  messages: { authorType: string; body: string }[];
  attachments: { id: string; fileName: string; mediaType: string; sizeBytes: number }[];
  abilities: { edit: boolean; answer: boolean; cancel: boolean; message: boolean; attach: boolean };
  moves?: string[];
}

export interface TechnicalBenefitBody {
  id: string;
  code: string;
  status: string;
  unit: string;
  total: number;
  perRequest: number;
  reserved: number;
  used: number;
  remaining: number;
  abilities: { request: boolean };
}

export const REQUESTS_URL = '/api/v1/rewards/technical-requests';

/**
 * A level-1 seller (one transact offer with a sale: the technical-assistance benefit, 8 hours at 2 a
 * request) whose admin is signed in and is the marketing contact, in `language`.
 */
export async function createTechnicalPartner(t: TestApp, language: 'en-US' | 'nl-NL' = 'en-US') {
  const seller = await createTransactSeller(t, ['100.00'], { admin: ['mpn-partner-admin'], helper: ['admin-agent'], plain: ['user'] });
  const session = await signIn(t.app, seller.partner.users.admin!.username);
  const contact = contactBody(seller.partner, 'admin', { preferredLanguage: language });
  const assigned = await putContact(t.app, session, contact);
  assert.equal(assigned.statusCode, 200, assigned.body);
  const benefits = await technicalBenefits(t, session);
  const hours = benefits.find((benefit) => benefit.code === 'technical-assistance');
  assert.ok(hours, `expected technical-assistance, got ${JSON.stringify(benefits)}`);
  return { ...seller, session, contactEmail: contact.email, benefitId: hours.id };
}
export type TechnicalPartner = Awaited<ReturnType<typeof createTechnicalPartner>>;

export async function technicalBenefits(t: TestApp, session: Session): Promise<TechnicalBenefitBody[]> {
  const response = await call(t.app, session, 'GET', '/api/v1/rewards/technical-benefits');
  assert.equal(response.statusCode, 200, response.body);
  return response.json<{ items: TechnicalBenefitBody[] }>().items;
}

export const requestBody = (p: { offer: string }, overrides: Record<string, unknown> = {}) => ({
  phase: 'design',
  solutionType: 'hybrid',
  offerId: p.offer,
  title: 'Architecture review of our hybrid connector',
  description: 'We need a review of the design of the on-premises connector before we scale it out.',
  timeZone: 'Europe/Amsterdam',
  ...overrides,
});

export function submit(t: TestApp, session: Session, body: unknown, headers: Record<string, string> = {}) {
  return call(t.app, session, 'POST', REQUESTS_URL, body, headers);
}

export async function submitted(t: TestApp, p: TechnicalPartner, overrides: Record<string, unknown> = {}): Promise<RequestBody> {
  const response = await submit(t, p.session, requestBody(p, overrides));
  assert.equal(response.statusCode, 201, response.body);
  return response.json<RequestBody>();
}

export function move(t: TestApp, id: string, body: Record<string, unknown>) {
  return ops(t, 'POST', `/api/v1/ops/technical-requests/${id}/transitions`, body);
}

export async function moved(t: TestApp, id: string, body: Record<string, unknown>): Promise<RequestBody> {
  const response = await move(t, id, body);
  assert.equal(response.statusCode, 200, response.body);
  return response.json<RequestBody>();
}

export async function readRequest(t: TestApp, session: Session, id: string): Promise<RequestBody> {
  const response = await call(t.app, session, 'GET', `${REQUESTS_URL}/${id}`);
  assert.equal(response.statusCode, 200, response.body);
  return response.json<RequestBody>();
}

import type { Locale } from '../../locales/locales.ts';
import type { Role } from './values.ts';

/**
 * Who is acting and when: what every service that changes something is given,
 * whether the call comes from the API, the CLI, an import or the demo loader.
 */
export type Actor = { type: 'user'; id: string } | { type: 'operator'; id: string } | { type: 'system' };

export interface RequestContext {
  actor: Actor;
  requestId?: string;
  /** The instant the request is handled at; services compare deadlines and windows against it. */
  now: Date;
}

/** A context for work the system does itself (CLI commands, the demo loader, background rounds). */
export const systemContext = (now: Date = new Date()): RequestContext => ({ actor: { type: 'system' }, now });

/** A signed-in user, as policies see them: whose account, which tenant, which roles. */
export interface Member {
  userId: string;
  tenantId: string;
  partnerAccountId: string | null;
  roles: readonly Role[];
}

/** The signed-in user a session resolves to (accounts' user, as identity hands it to every request). */
export interface SignedInUser {
  id: string;
  tenantId: string;
  tenantDomain: string;
  partnerAccountId: string | null;
  /** When the user's tenant was associated with that account (null: not associated); a session is bound to it. */
  tenantAssociatedAt: Date | null;
  username: string;
  displayName: string;
  email: string;
  roles: readonly Role[];
  locale: Locale | null;
}

export const memberOf = (user: SignedInUser): Member => ({
  userId: user.id,
  tenantId: user.tenantId,
  partnerAccountId: user.partnerAccountId,
  roles: user.roles,
});

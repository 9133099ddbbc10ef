import type { SponsorshipStatus, TechnicalRequestStatus } from '../../platform/values.ts';

/**
 * The lifecycle of a technical assistance request, as data (modelled on AWS Partner Central's benefit
 * applications): who may move a request from which status to which. The partner submits, answers a
 * request for more information, and cancels until it is scheduled; the Rewards team reviews, asks,
 * schedules, completes or declines. `needs` is what the move must carry.
 */
export const REQUEST_TRANSITIONS = [
  { from: 'submitted', to: 'in-review', by: 'operator' },
  { from: 'submitted', to: 'action-required', by: 'operator', needs: 'reason' },
  { from: 'submitted', to: 'declined', by: 'operator', needs: 'reason' },
  { from: 'submitted', to: 'cancelled', by: 'partner' },
  { from: 'in-review', to: 'action-required', by: 'operator', needs: 'reason' },
  { from: 'in-review', to: 'scheduled', by: 'operator', needs: 'scheduledAt' },
  { from: 'in-review', to: 'declined', by: 'operator', needs: 'reason' },
  { from: 'in-review', to: 'cancelled', by: 'partner' },
  // The partner's answer (PATCH with `answer`) sends it back to the team.
  { from: 'action-required', to: 'in-review', by: 'partner', needs: 'answer' },
  { from: 'action-required', to: 'in-review', by: 'operator' },
  { from: 'action-required', to: 'declined', by: 'operator', needs: 'reason' },
  { from: 'action-required', to: 'cancelled', by: 'partner' },
  // A new time: the same status with another scheduledAt.
  { from: 'scheduled', to: 'scheduled', by: 'operator', needs: 'scheduledAt' },
  { from: 'scheduled', to: 'in-review', by: 'operator', needs: 'reason' },
  { from: 'scheduled', to: 'completed', by: 'operator' },
  // Once scheduled, the partner asks the team to cancel (a consultant's time is booked).
  { from: 'scheduled', to: 'cancelled', by: 'operator', needs: 'reason' },
] as const satisfies readonly {
  from: TechnicalRequestStatus;
  to: TechnicalRequestStatus;
  by: 'partner' | 'operator';
  needs?: 'reason' | 'scheduledAt' | 'answer';
}[];

export type RequestMover = 'partner' | 'operator';
export type RequestTransition = (typeof REQUEST_TRANSITIONS)[number];

export function findTransition(from: TechnicalRequestStatus, to: TechnicalRequestStatus, by: RequestMover): RequestTransition | undefined {
  return REQUEST_TRANSITIONS.find((transition) => transition.from === from && transition.to === to && transition.by === by);
}

/** Statuses whose reservation is given back to the benefit. */
export const RETURNED_STATUSES: readonly TechnicalRequestStatus[] = ['declined', 'cancelled'];
/** Statuses nothing more happens in. */
export const CLOSED_STATUSES: readonly TechnicalRequestStatus[] = ['completed', 'declined', 'cancelled'];

/** What the partner may do with a request in a status (sent with each request, so the portal shows its buttons from it). */
export function requestAbilities(status: TechnicalRequestStatus) {
  return {
    // While the team asks for more information, a change goes with the answer (answer), not alone.
    edit: status === 'submitted',
    answer: status === 'action-required',
    cancel: findTransition(status, 'cancelled', 'partner') !== undefined,
    message: !CLOSED_STATUSES.includes(status),
    attach: !CLOSED_STATUSES.includes(status),
  };
}

/** Where the operator may move a request from its status. */
export const operatorMoves = (status: TechnicalRequestStatus): TechnicalRequestStatus[] =>
  REQUEST_TRANSITIONS.filter((transition) => transition.from === status && transition.by === 'operator').map((transition) => transition.to);

/**
 * A sponsorship's lifecycle: unlocked (the instructions are mailed) -> requested (the partner asks for
 * provisioning on a subscription) -> active (the team provisions it; the term runs from its start) ->
 * exhausted or expired. The team may decline a provisioning request (back to unlocked) or revoke it.
 */
export const SPONSORSHIP_TRANSITIONS = [
  { from: 'unlocked', to: 'requested', reason: 'PROVISIONING_REQUESTED' },
  { from: 'requested', to: 'unlocked', reason: 'PROVISIONING_DECLINED' },
  { from: 'requested', to: 'active', reason: 'SPONSORSHIP_STARTED' },
  { from: 'active', to: 'exhausted', reason: 'CREDIT_EXHAUSTED' },
  { from: 'active', to: 'expired', reason: 'TERM_ENDED' },
  { from: 'unlocked', to: 'expired', reason: 'VALIDITY_ENDED' },
  { from: 'unlocked', to: 'revoked', reason: 'FRAUDULENT_SALES' },
  { from: 'unlocked', to: 'revoked', reason: 'SPONSORSHIP_MISUSE' },
  { from: 'requested', to: 'revoked', reason: 'SPONSORSHIP_MISUSE' },
  { from: 'active', to: 'revoked', reason: 'SPONSORSHIP_MISUSE' },
] as const satisfies readonly { from: SponsorshipStatus; to: SponsorshipStatus; reason: string }[];

export type SponsorshipReason = (typeof SPONSORSHIP_TRANSITIONS)[number]['reason'];

export const isAllowedSponsorshipChange = (from: SponsorshipStatus, to: SponsorshipStatus, reason: string) =>
  SPONSORSHIP_TRANSITIONS.some((transition) => transition.from === from && transition.to === to && transition.reason === reason);

import type { components } from '../../api/schema.gen.ts';
import type { ReadPath } from '../../api/queries.ts';

export type WorkItem = components['schemas']['WorkItem'];
export type WorkKind = WorkItem['kind'];
export type WorkState = WorkItem['state'];
export type TeamMember = components['schemas']['TeamMember'];
export type ContactChannel = components['schemas']['WorkContact']['channel'];

export const WORK_KINDS: readonly WorkKind[] = ['activation', 'technical-request', 'sponsorship'];
export const WORK_STATES: readonly WorkState[] = ['open', 'submitted', 'in-review', 'action-required', 'scheduled', 'requested'];
export const CONTACT_CHANNELS: readonly ContactChannel[] = ['email', 'phone', 'meeting', 'chat', 'other'];

/** What a change to an item makes stale: the queue, and a technical request's own read. */
export const WORK_READS: readonly ReadPath[] = ['/api/v1/ops/work', '/api/v1/ops/technical-requests/{id}'];

/** How an item is named in a sentence: its reference, or its kind. */
export const itemLabel = (item: WorkItem, kindName: string) => item.reference ?? kindName;

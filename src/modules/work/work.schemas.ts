import { Type } from 'typebox';
import { component, DateTime, MpnId, Uuid } from '../../platform/http/schemas.ts';
import { CONTACT_CHANNELS, OPERATOR_ROLES, WORK_KINDS, WORK_STATES } from '../../platform/values.ts';

/** The console's work queue (issue #14): its items, filters, assignments and contacts. */

export const WorkKindSchema = Type.Enum([...WORK_KINDS]);
export const ContactChannelSchema = Type.Enum([...CONTACT_CHANNELS]);

export const WorkParams = Type.Object({ kind: WorkKindSchema, id: Uuid });

export const WorkQuery = {
  kind: Type.Optional(Type.Enum([...WORK_KINDS], { description: 'One queue (absent: all together)' })),
  state: Type.Optional(Type.Enum([...WORK_STATES], { description: "An item's state: `open` (an activation), a technical request's, or `requested` (a sponsorship)" })),
  partner: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'An MPN ID, or part of the partner name' })),
  benefit: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '^[a-z0-9-]+$', description: 'A benefit code' })),
  assignee: Type.Optional(Type.Union([Uuid, Type.Enum(['me', 'none'])], { description: "An operator's id, `me`, or `none` (unassigned)" })),
  overdue: Type.Optional(Type.Enum(['true', 'false'])),
};

export const WorkItem = component(
  'WorkItem',
  Type.Object({
    kind: WorkKindSchema,
    id: Uuid,
    reference: Type.Union([Type.String(), Type.Null()], { description: "A technical request's TR- reference" }),
    state: Type.Enum([...WORK_STATES]),
    partner: Type.Object({ id: Uuid, name: Type.String(), mpnId: MpnId }),
    benefit: Type.Object({ code: Type.String(), name: Type.String() }),
    contactEmail: Type.String(),
    openedAt: DateTime,
    dueAt: DateTime,
    overdue: Type.Boolean(),
    secondsLeft: Type.Integer({ description: 'Until the item is due; negative once overdue' }),
    assignee: Type.Union(
      [Type.Object({ id: Uuid, name: Type.String(), engagementManager: Type.Boolean({ description: "true: the partner's engagement manager, by default (the item has no assignment of its own)" }) }), Type.Null()],
    ),
    assignedAt: Type.Union([DateTime, Type.Null()]),
    lastContactAt: Type.Union([DateTime, Type.Null()]),
  }),
);

export const AssignBody = Type.Object(
  { assigneeId: Type.Optional(Uuid) },
  { additionalProperties: false, description: "`assigneeId`: the operator to work on it (absent: yourself); someone else needs a manager" },
);

export const Assignment = Type.Object({ kind: WorkKindSchema, id: Uuid, assignee: Type.Object({ id: Uuid, name: Type.String() }), assignedAt: DateTime });

export const ContactBody = Type.Object(
  {
    channel: ContactChannelSchema,
    note: Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S', description: 'What was said or agreed' }),
    contactedAt: Type.Optional(DateTime),
  },
  { additionalProperties: false, description: '`contactedAt`: when it happened (absent: now), not later than now nor before the work was opened' },
);

export const WorkContact = component(
  'WorkContact',
  Type.Object({ id: Uuid, kind: WorkKindSchema, itemId: Uuid, channel: ContactChannelSchema, note: Type.String(), contactedAt: DateTime, recordedBy: Type.String() }),
);

export const TeamMember = component(
  'TeamMember',
  Type.Object({ id: Uuid, displayName: Type.String(), email: Type.String(), role: Type.Enum([...OPERATOR_ROLES]) }),
);

const Figures = {
  open: Type.Integer({ description: 'Open items' }),
  dueToday: Type.Integer({ description: "Due before the end of the day in `timeZone`, not yet overdue" }),
  overdue: Type.Integer(),
  activations: Type.Integer({ description: 'Activations in the window' }),
  contacted: Type.Integer({ description: 'Of those, contacted' }),
  contactedWithinWeek: Type.Integer(),
  decided: Type.Integer({ description: 'Contacted, or a week old without a contact' }),
  withinWeekShare: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], { description: 'contactedWithinWeek / decided (null: nothing decided yet)' }),
  medianSecondsToFirstContact: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], { description: 'Of the contacted ones (null: none contacted)' }),
};

export const Dashboard = component(
  'WorkDashboard',
  Type.Object({
    window: Type.Object({ from: DateTime, to: DateTime, days: Type.Integer() }),
    timeZone: Type.String(),
    overall: Type.Object(Figures),
    agents: Type.Array(
      Type.Object({ operator: Type.Union([Type.Object({ id: Uuid, name: Type.String() }), Type.Null()], { description: 'null: nobody (unassigned, or contacted outside the console)' }), ...Figures }),
    ),
  }),
);

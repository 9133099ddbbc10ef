import { Type } from 'typebox';
import { SALE_STATUSES } from '../../platform/values.ts';
import { BenefitCategorySchema, component, DateTime, EntitlementStatusSchema, ListingTypeSchema, MpnId, PageOf, PageQuery, Uuid } from '../../platform/http/schemas.ts';

const Money = Type.String({ description: 'US dollars as an exact decimal string', examples: ['1234.56'] });
const Tier = Type.Object({ code: Type.String(), name: Type.String(), minBilledSalesUsd: Money });

export const RewardsSummary = component(
  'RewardsSummary',
  Type.Object({
    partnerAccount: Type.Object({ id: Uuid, name: Type.String(), mpnId: Type.String() }),
    publisherProfiles: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
    liveOffers: Type.Object({ list: Type.Integer(), trial: Type.Integer(), consulting: Type.Integer(), transact: Type.Integer() }),
    billedSalesTtmUsd: Money,
    tier: Type.Union([Tier, Type.Null()]),
    nextTier: Type.Union([Type.Object({ code: Type.String(), name: Type.String(), minBilledSalesUsd: Money, missingUsd: Money }), Type.Null()]),
    programVersion: Type.Integer(),
    computedAt: DateTime,
    explanation: Type.Object({
      tier: Type.String(),
      nextTier: Type.String(),
      profiles: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), liveOffers: Type.Integer() })),
      countedOffers: Type.Array(
        Type.Object({
          id: Type.String(),
          name: Type.String(),
          listingType: ListingTypeSchema,
          publisherProfileId: Type.String(),
          billedSalesTtmUsd: Money,
        }),
      ),
      excludedSales: Type.Array(
        Type.Object({
          status: Type.Enum(SALE_STATUSES.filter((status) => status !== 'billed')),
          lines: Type.Integer(),
          amountUsd: Money,
          reason: Type.String(),
        }),
      ),
  }),
}),
);

export const BenefitsQuery = Type.Object(
  { category: Type.Optional(BenefitCategorySchema), ...PageQuery },
  { additionalProperties: false },
);

export const BenefitList = Type.Object(
  PageOf(
    component(
      'Benefit',
      Type.Object({
        id: Uuid,
        code: Type.String(),
        category: BenefitCategorySchema,
        name: Type.String(),
        description: Type.String(),
        status: EntitlementStatusSchema,
        statusReason: Type.String(),
        offerId: Type.Union([Type.String(), Type.Null()]),
        tierCode: Type.Union([Type.String(), Type.Null()]),
        unlockedAt: DateTime,
        expiresAt: Type.Union([DateTime, Type.Null()]),
        quantities: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
        abilities: Type.Object({ activate: Type.Boolean() }, { description: 'What the caller may do with this benefit' }),
      }),
    ),
  ),
);

export const MpnParams = Type.Object({ mpnId: MpnId });

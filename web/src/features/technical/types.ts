import type { ReadData } from '../../api/queries.ts';

export type TechnicalBenefit = ReadData<'/api/v1/rewards/technical-benefits'>['items'][number];
export type RequestSummary = ReadData<'/api/v1/rewards/technical-requests'>['items'][number];
export type TechnicalRequest = ReadData<'/api/v1/rewards/technical-requests/{id}'>;
export type Phase = RequestSummary['phase'];
export type SolutionType = RequestSummary['solutionType'];
export type RequestStatus = RequestSummary['status'];
export type Sponsorship = ReadData<'/api/v1/rewards/sponsorships'>['items'][number];
export type BillingType = ReadData<'/api/v1/rewards/sponsorships'>['billingTypes'][number];
export type LedgerEntry = ReadData<'/api/v1/rewards/sponsorships/ledger'>['items'][number];

export const PHASES: Phase[] = ['presales', 'design', 'deployment', 'app-development'];
export const SOLUTION_TYPES: SolutionType[] = ['cloud', 'hybrid'];

/** Every read a change to a request can affect: the request, the list, and what is left of the benefits. */
export const REQUEST_READS = [
  '/api/v1/rewards/technical-requests/{id}',
  '/api/v1/rewards/technical-requests',
  '/api/v1/rewards/technical-benefits',
  '/api/v1/rewards/benefits',
] as const;

export const requestPath = (id: string) => `/rewards/technical/requests/${id}`;

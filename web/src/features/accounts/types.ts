import type { ReadData } from '../../api/queries.ts';

/** The account's users and tenants as the settings pages and their dialogs show them. */
export type AccountUser = ReadData<'/api/v1/account/users'>['items'][number];
export type AccountTenant = ReadData<'/api/v1/account/tenants'>['items'][number];

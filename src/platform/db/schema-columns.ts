import type { ColumnType } from 'kysely';

/** Column types the row shapes share (schema.ts and its parts): what is read, inserted and updated. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
export type Json<T> = ColumnType<T, string, string>;
export type Numeric = ColumnType<string, string | number, string | number>;

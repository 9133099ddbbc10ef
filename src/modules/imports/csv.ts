import fs from 'node:fs';
import readline from 'node:readline';

/** One CSV record per line (RFC 4180 quoting, no line breaks inside fields), read as a stream. */
export function parseCsvLine(line: string): string[] | null {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  let atFieldStart = true;
  while (i < line.length) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"') {
        if (line[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
    } else if (ch === '"' && atFieldStart) {
      quoted = true;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
      atFieldStart = true;
      i += 1;
      continue;
    } else field += ch;
    atFieldStart = false;
    i += 1;
  }
  if (quoted) return null;
  fields.push(field);
  return fields;
}

export interface CsvRecord {
  line: number;
  values: Record<string, string>;
}

export class CsvError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvError';
  }
}

/** Records of a CSV file with a header line, each with its line number (the header is line 1). */
export async function* readCsv(file: string, required: readonly string[], onBytes?: (bytes: number) => void): AsyncGenerator<CsvRecord> {
  const stream = fs.createReadStream(file);
  if (onBytes) stream.on('data', (chunk) => onBytes(chunk.length));
  const lines = readline.createInterface({ input: stream, crlfDelay: Infinity });
  let header: string[] | null = null;
  let number = 0;
  for await (const raw of lines) {
    number += 1;
    const text = number === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim() === '') continue;
    const fields = parseCsvLine(text);
    if (!fields) throw new CsvError(number, 'a quoted field is not closed');
    if (!header) {
      header = fields.map((f) => f.trim());
      const missing = required.filter((column) => !header!.includes(column));
      if (missing.length > 0) throw new CsvError(number, `the header lacks the column(s) ${missing.join(', ')} (expected ${required.join(',')})`);
      continue;
    }
    if (fields.length !== header.length) {
      throw new CsvError(number, `${fields.length} fields where the header has ${header.length}`);
    }
    yield { line: number, values: Object.fromEntries(header.map((column, i) => [column, fields[i]!.trim()])) };
  }
  if (!header) throw new CsvError(1, 'the file is empty (a header line is required)');
}

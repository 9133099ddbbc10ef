import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';

/**
 * What a technical request may carry: at most ATTACHMENTS_MAX files of at most ATTACHMENT_MAX_BYTES,
 * of the types below, each recognised by its content (file-type reads the magic numbers), never by
 * its name or by what the browser claims. Plain text has no magic number: it is text when it is valid
 * UTF-8 without control characters other than tab, line feed and carriage return.
 */
export const ATTACHMENTS_MAX = 5;
export const ATTACHMENT_MAX_BYTES = 4 * 1024 * 1024;
export const ATTACHMENT_TYPES = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'text/plain': 'text',
} as const;
export type AttachmentType = keyof typeof ATTACHMENT_TYPES;

const isAllowed = (mime: string): mime is AttachmentType => Object.hasOwn(ATTACHMENT_TYPES, mime);

function isPlainText(bytes: Buffer): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text);
}

/** Text that a browser would read as markup (HTML, SVG, XML) is not plain text, whatever it is called. */
const looksLikeMarkup = (bytes: Buffer) => /^\s*</.test(bytes.subarray(0, 512).toString('utf8').replace(/^\uFEFF/, ''));

/** What a file's extension claims, for the extensions of the allowed types. */
const EXTENSIONS: Record<string, AttachmentType> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  txt: 'text/plain',
  log: 'text/plain',
  csv: 'text/plain',
  md: 'text/plain',
};

/**
 * The type the content shows, when it is one of the allowed ones and the name does not claim another
 * (invoice.pdf that is really text is refused, so nobody opens it expecting a PDF); null otherwise.
 */
export async function sniffAttachment(bytes: Buffer, fileName = ''): Promise<AttachmentType | null> {
  const found = await fileTypeFromBuffer(bytes);
  const type = found ? (isAllowed(found.mime) ? found.mime : null) : isPlainText(bytes) && !looksLikeMarkup(bytes) ? 'text/plain' : null;
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  const claimed = extension === undefined ? undefined : EXTENSIONS[extension];
  if (type !== null && claimed !== undefined && claimed !== type) return null;
  return type;
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A name as a download may carry it: the last path segment, without control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001F\u007F"]/g, '').trim();
  return [...base].slice(0, 200).join('') || 'attachment';
}

/** Content-Disposition for a download: always an attachment, the name in ASCII and in UTF-8 (RFC 6266). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7E]/g, '_').replace(/[\\"]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Base64 as JSON carries it, strictly: a string that is not base64 is refused rather than read loosely. */
export function decodeBase64(value: string): Buffer | null {
  const compact = value.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return null;
  return Buffer.from(compact, 'base64');
}

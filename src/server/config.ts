import path from 'node:path';

/**
 * The one validated view of the environment. Every setting the process reads is
 * parsed here, so a bad value stops the start with a message naming the variable
 * instead of surfacing later as an odd failure.
 */
export interface Config {
  host: string;
  port: number;
  publicUrl: string;
  databaseUrl: string | null;
  dataDir: string;
  logLevel: LogLevel;
  adminToken: string | null;
  sessionTtlHours: number;
  cookieSecure: boolean;
  association: { maxAttempts: number; lockoutMinutes: number };
  /** Marketing-contact changes per partner account, and portal mails per recipient, in any 24 hours. */
  contactLimits: { changesPerDay: number; mailsPerRecipientPerDay: number };
  /** Technical assistance requests a partner account may submit in any 24 hours (each mails a contact it names). */
  technicalRequestsPerDay: number;
  signIn: { maxFailures: number; lockoutMinutes: number };
  /** built: serve dist/web; dev: Vite's dev server with hot reload; off: the API only. */
  webMode: 'built' | 'dev' | 'off';
  mail: { smtpUrl: string | null; from: string; mailboxDir: string; rewardsTeamEmail: string | null; smtpTimeoutMs: number };
  /** PostgreSQL's limits (milliseconds), so a frozen or lost database fails requests instead of hanging them. */
  database: { connectTimeoutMs: number; statementTimeoutMs: number; idleInTransactionTimeoutMs: number; startRetrySeconds: number };
  /** How long a stop may take: in-flight requests finish, claimed mail goes back to the outbox, then the process exits. */
  shutdownGraceMs: number;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return Number(raw);
  };

  const host = read('HOST') ?? '127.0.0.1';
  const port = integer('PORT', 3000, 0, 65535);

  const databaseUrl = read('DATABASE_URL') ?? null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL (leave it unset for the embedded database)');
  } else if (databaseUrl !== null) {
    let database = '';
    try {
      const parsed = new URL(databaseUrl);
      database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || parsed.searchParams.get('dbname') || '';
    } catch {
      problems.push('DATABASE_URL is not a valid URL (special characters in the password must be percent-encoded)');
      database = '-';
    }
    // Without a name PostgreSQL picks the user's own database (often `postgres`), and the schema would land there.
    if (database === '') problems.push('DATABASE_URL must name its database, as in postgres://rewards@db.example:5432/rewards');
  }

  const logLevel = (read('LOG_LEVEL') ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);
  }

  const adminToken = read('REWARDS_ADMIN_TOKEN') ?? null;
  if (adminToken !== null && (adminToken.length < 32 || /\s/.test(adminToken))) {
    problems.push('REWARDS_ADMIN_TOKEN must be at least 32 characters without spaces');
  }

  let publicUrl = read('PUBLIC_URL') ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  try {
    const parsed = new URL(publicUrl);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('protocol');
    // The portal is served at the root of its host: a path would be cut from every link and cookie silently.
    if (parsed.pathname !== '/' || parsed.search !== '' || parsed.hash !== '') throw new Error('path');
    publicUrl = parsed.origin;
  } catch {
    problems.push(`PUBLIC_URL must be an http(s) origin without a path, such as https://rewards.example.com (got "${publicUrl}")`);
  }

  const cookieSecureRaw = read('COOKIE_SECURE');
  if (cookieSecureRaw !== undefined && !['true', 'false'].includes(cookieSecureRaw)) {
    problems.push(`COOKIE_SECURE must be true or false (got "${cookieSecureRaw}")`);
  }
  const cookieSecure = cookieSecureRaw === undefined ? publicUrl.startsWith('https:') : cookieSecureRaw === 'true';

  const webMode = (read('REWARDS_WEB') ?? 'built') as Config['webMode'];
  if (!['built', 'dev', 'off'].includes(webMode)) problems.push(`REWARDS_WEB must be built, dev or off (got "${webMode}")`);

  const smtpUrl = read('SMTP_URL') ?? null;
  if (smtpUrl !== null && !/^smtps?:\/\/[^/:?#]/.test(smtpUrl)) {
    problems.push('SMTP_URL must be an smtp:// or smtps:// URL with the server\'s host, as in smtp://user:pass@mail.example.com:587');
  }
  const mailFrom = read('MAIL_FROM') ?? 'Marketplace Rewards <rewards@localhost>';
  if (!/^(?:[^<>@\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/.test(mailFrom)) {
    problems.push(`MAIL_FROM must be an address, or a name and an address, as in Marketplace Rewards <rewards@example.com> (got "${mailFrom}")`);
  }
  const rewardsTeamEmail = read('REWARDS_TEAM_EMAIL') ?? null;
  if (rewardsTeamEmail !== null && !/^[^\s@]+@[^\s@]+$/.test(rewardsTeamEmail)) {
    problems.push(`REWARDS_TEAM_EMAIL must be an email address (got "${rewardsTeamEmail}")`);
  }
  const dataDir = path.resolve(cwd, read('REWARDS_DATA_DIR') ?? 'data');

  const config: Config = {
    host,
    port,
    publicUrl,
    databaseUrl,
    dataDir,
    logLevel,
    adminToken,
    sessionTtlHours: integer('SESSION_TTL_HOURS', 12, 1, 24 * 30),
    cookieSecure,
    association: {
      maxAttempts: integer('ASSOCIATION_MAX_ATTEMPTS', 10, 1, 1000),
      lockoutMinutes: integer('ASSOCIATION_LOCKOUT_MINUTES', 15, 1, 24 * 60),
    },
    signIn: {
      maxFailures: integer('SIGN_IN_MAX_FAILURES', 10, 1, 1000),
      lockoutMinutes: integer('SIGN_IN_LOCKOUT_MINUTES', 15, 1, 24 * 60),
    },
    webMode,
    contactLimits: {
      changesPerDay: integer('CONTACT_CHANGES_PER_DAY', 10, 1, 10_000),
      mailsPerRecipientPerDay: integer('MAIL_PER_RECIPIENT_PER_DAY', 5, 1, 10_000),
    },
    technicalRequestsPerDay: integer('TECHNICAL_REQUESTS_PER_DAY', 20, 1, 10_000),
    mail: {
      smtpUrl,
      from: mailFrom,
      mailboxDir: path.resolve(cwd, read('REWARDS_MAILBOX_DIR') ?? path.join(dataDir, 'mailbox')),
      rewardsTeamEmail,
      smtpTimeoutMs: integer('SMTP_TIMEOUT_SECONDS', 30, 1, 600) * 1000,
    },
    database: {
      connectTimeoutMs: integer('DATABASE_CONNECT_TIMEOUT_MS', 5_000, 100, 600_000),
      statementTimeoutMs: integer('DATABASE_STATEMENT_TIMEOUT_MS', 30_000, 100, 3_600_000),
      idleInTransactionTimeoutMs: integer('DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS', 60_000, 100, 3_600_000),
      startRetrySeconds: integer('DATABASE_START_RETRY_SECONDS', 60, 0, 3600),
    },
    shutdownGraceMs: integer('SHUTDOWN_GRACE_SECONDS', 25, 1, 3600) * 1000,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

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
  signIn: { maxFailures: number; lockoutMinutes: number };
  /** built: serve dist/web; dev: Vite's dev server with hot reload; off: the API only. */
  webMode: 'built' | 'dev' | 'off';
  mail: { smtpUrl: string | null; from: string; mailboxDir: string; rewardsTeamEmail: string | null };
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
    publicUrl = parsed.origin;
  } catch {
    problems.push(`PUBLIC_URL must be an http(s) URL such as https://rewards.example.com (got "${publicUrl}")`);
  }

  const cookieSecureRaw = read('COOKIE_SECURE');
  if (cookieSecureRaw !== undefined && !['true', 'false'].includes(cookieSecureRaw)) {
    problems.push(`COOKIE_SECURE must be true or false (got "${cookieSecureRaw}")`);
  }
  const cookieSecure = cookieSecureRaw === undefined ? publicUrl.startsWith('https:') : cookieSecureRaw === 'true';

  const webMode = (read('REWARDS_WEB') ?? 'built') as Config['webMode'];
  if (!['built', 'dev', 'off'].includes(webMode)) problems.push(`REWARDS_WEB must be built, dev or off (got "${webMode}")`);

  const smtpUrl = read('SMTP_URL') ?? null;
  if (smtpUrl !== null && !/^smtps?:\/\//.test(smtpUrl)) problems.push('SMTP_URL must be an smtp:// or smtps:// URL');
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
    mail: {
      smtpUrl,
      from: read('MAIL_FROM') ?? 'Marketplace Rewards <rewards@localhost>',
      mailboxDir: path.resolve(cwd, read('REWARDS_MAILBOX_DIR') ?? path.join(dataDir, 'mailbox')),
      rewardsTeamEmail,
    },
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

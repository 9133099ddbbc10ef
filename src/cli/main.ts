import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from '../server/config.ts';
import { DataDirLockedError } from '../platform/db/data-dir-lock.ts';
import { AppError } from '../platform/errors.ts';
import { MigrationError } from '../platform/db/migrate.ts';
import { t } from '../platform/i18n/i18n.ts';
import { COMMANDS, type Command } from './commands.ts';
import { CsvError } from '../modules/imports/csv.ts';
import { ProgramDefinitionError } from '../modules/eligibility/program.ts';

/** `rewards <command>`: the server, migrations, demo data and operator administration. */
function usage(): string {
  const lines = ['Usage: rewards <command> [options]', '', 'Commands:'];
  for (const command of COMMANDS) lines.push(`  rewards ${command.usage}`, `      ${command.summary}`);
  lines.push('', 'Configuration comes from the environment; see the README for the table.');
  return lines.join('\n');
}

function describeError(error: unknown): string {
  if (error instanceof AppError) {
    const fields = Object.entries(error.options.fields ?? {})
      .map(([field, problem]) => `\n  ${field}: ${t('en-US', `field.${problem.code}`, problem.values)} (${problem.code})`)
      .join('');
    return `${error.code}: ${t('en-US', error.options.messageId ?? `error.${error.code}`, error.options.values)}${fields}`;
  }
  if (
    error instanceof ConfigError ||
    error instanceof DataDirLockedError ||
    error instanceof CsvError ||
    error instanceof ProgramDefinitionError ||
    error instanceof MigrationError
  ) {
    return error.message;
  }
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

export async function main(argv: string[]): Promise<number> {
  const words = argv.filter((arg) => !arg.startsWith('-'));
  const command: Command | undefined =
    COMMANDS.find((c) => c.name.length === 2 && c.name[0] === words[0] && c.name[1] === words[1]) ??
    COMMANDS.find((c) => c.name.length === 1 && c.name[0] === words[0]);
  if (!command || argv.includes('--help') || argv.includes('-h')) {
    const known = command !== undefined || words.length === 0 || words[0] === 'help';
    (known ? process.stdout : process.stderr).write(`${usage()}\n`);
    if (!known) process.stderr.write(`\nUnknown command: ${words.join(' ')}\n`);
    return known ? 0 : 2;
  }
  let config: Config;
  try {
    config = loadConfig();
    const { values, positionals } = parseArgs({
      args: argv.slice(command.name.length),
      options: command.options ?? {},
      allowPositionals: (command.positionals ?? 0) > 0,
      strict: true,
    });
    if (positionals.length !== (command.positionals ?? 0)) {
      process.stderr.write(`Usage: rewards ${command.usage}\n`);
      return 2;
    }
    return await command.run(config, values as Record<string, string | boolean | undefined>, positionals);
  } catch (error) {
    // A wrong option is the caller's mistake: say which, and how the command is used (no stack trace).
    if (typeof (error as { code?: unknown }).code === 'string' && (error as { code: string }).code.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`rewards ${command.name.join(' ')}: ${(error as Error).message}\nUsage: rewards ${command.usage}\n`);
      return 2;
    }
    process.stderr.write(`rewards ${command.name.join(' ')}: ${describeError(error)}\n`);
    return 1;
  }
}

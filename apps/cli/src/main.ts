// Wiring for `pnpm cli <command>`.
import { ConfigError, loadConfig } from '@crieur/config';
import { DatabaseInUseError, openDatabase } from '@crieur/db';
import { describeError, findForbiddenText, forbiddenTextMessage } from '@crieur/safe-text';
import { CliError, type Command } from './command';
import { bouncesImport } from './commands/bounces-import';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { lists } from './commands/lists';
import { reportCommand } from './commands/report';
import { seedDemo } from './commands/seed-demo';
import { userCreate } from './commands/user-create';
import { readSecret } from './read-secret';

const COMMANDS: Record<string, { run: Command; help: string }> = {
  'user:create': {
    run: userCreate,
    help: 'user:create --email E --role admin|editor|author|sender [--name N]   (password from stdin)',
  },
  lists: { run: lists, help: 'lists                                       the newsletter lists' },
  import: {
    run: importCommand,
    help: 'import <file.csv> --list <slug> [--consent-source "…"] [--dry-run] [--report problems.csv]',
  },
  'seed:demo': {
    run: seedDemo,
    help: 'seed:demo                                   demo dossiers and articles for a living reader site',
  },
  export: {
    run: exportCommand,
    help: 'export --list <slug> [--out file.csv]       confirmed subscribers, UTF-8 CSV with BOM',
  },
  'bounces:import': {
    run: bouncesImport,
    help: 'bounces:import <file.eml>…                  received mail: delivery reports (hard bounces suppress, soft ones count), complaints (suppress), unsubscribe requests',
  },
  report: {
    run: reportCommand,
    help: "report --year <yyyy> [--format md|csv|json] the yearly activity report's figures (Markdown by default)",
  },
};

const LOST_SERVER = [
  'The server holding the embedded database stopped during the command: its unfinished part was rolled back.',
  'Run the command again (with the server started again, or stopped).',
].join('\n');
function isLostConnection(error: unknown): boolean {
  // drizzle wraps the driver's error in `cause`
  for (let e = error as { code?: string; message?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code && ['ECONNRESET', 'EPIPE', 'ECONNREFUSED', 'ENOENT'].includes(e.code)) return true;
    if (/Connection terminated|connection error/i.test(e.message ?? '')) return true;
  }
  return false;
}

const usage = `Usage: pnpm cli <command>\n\nCommands:\n${Object.values(COMMANDS)
  .map((c) => `  ${c.help}`)
  .join('\n')}\n`;
const [name, ...argv] = process.argv.slice(2);
const command = name ? COMMANDS[name] : undefined;
if (!command) {
  process.stderr.write(name && name !== '--help' ? `Unknown command "${name}".\n\n${usage}` : usage);
  process.exit(name && name !== '--help' ? 2 : 0);
}

// the input rule of every edge: no control character in an argument (PostgreSQL refuses NUL)
const forbidden = findForbiddenText(argv);
if (forbidden) {
  const at = Number(forbidden.path[0]);
  const option = [argv[at], argv[at - 1]].find((a) => a?.startsWith('--'))?.split('=')[0];
  process.stderr.write(`${forbiddenTextMessage(option ?? `argument ${at + 1}`, forbidden.character)}\n`);
  process.exit(2);
}

try {
  const config = loadConfig(process.env);
  // on the embedded database while `pnpm start` runs, the command works through the server
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: 2,
    command: `pnpm cli ${name}`,
    onWait: (message) => process.stderr.write(`${message}\n`),
  });
  // a query waiting for a connection the dead server will never give back leaves nothing to run: without
  // this, Node would exit 13 ("unsettled top-level await") with no word of explanation
  let finished = false;
  process.on('beforeExit', () => {
    if (finished || database.kind !== 'pglite-socket') return;
    process.stderr.write(`${LOST_SERVER}\n`);
    process.exit(2);
  });
  try {
    await database.migrate();
    await command.run(database.db, argv, {
      out: (line) => process.stdout.write(`${line}\n`),
      progress: process.stderr.isTTY ? (line) => process.stderr.write(`\r\x1b[2K${line}`) : undefined,
      stdout: process.stdout,
      readSecret: (prompt) => readSecret(process.stdin, process.stderr, prompt),
    });
  } catch (error) {
    if (database.kind === 'pglite-socket' && isLostConnection(error)) {
      // no close: drizzle never releases a client whose BEGIN failed, so the pool would wait for it forever
      process.stderr.write(`${LOST_SERVER}\n`);
      process.exit(2);
    }
    throw error;
  } finally {
    await database.close().catch(() => undefined);
    finished = true;
  }
} catch (error) {
  if (error instanceof CliError || error instanceof ConfigError || error instanceof DatabaseInUseError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  if ((error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    process.stderr.write(`${(error as Error).message}\n\n${usage}`);
    process.exit(2);
  }
  // never the raw error: a failed query's message and fields carry its parameters (addresses, names)
  process.stderr.write(`${JSON.stringify(describeError(error), null, 2)}\n`);
  process.exit(1);
}

// Wiring for `pnpm cli <command>`.
import { ConfigError, loadConfig } from '@crieur/config';
import { openDatabase } from '@crieur/db';
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
  'user:create': { run: userCreate, help: 'user:create --email E --role admin|editor|author|sender [--name N]   (password from stdin)' },
  lists: { run: lists, help: 'lists                                       the newsletter lists' },
  import: { run: importCommand, help: 'import <file.csv> --list <slug> [--consent-source "…"] [--dry-run] [--report problems.csv]' },
  'seed:demo': { run: seedDemo, help: 'seed:demo                                   demo dossiers and articles for a living reader site' },
  export: { run: exportCommand, help: 'export --list <slug> [--out file.csv]       confirmed subscribers, UTF-8 CSV with BOM' },
  'bounces:import': { run: bouncesImport, help: 'bounces:import <file.eml>…                  delivery reports (RFC 3464): hard bounces suppress, soft ones count' },
  report: { run: reportCommand, help: 'report --year <yyyy> [--format md|csv|json] the yearly activity report\'s figures (Markdown by default)' },
};

const usage = `Usage: pnpm cli <command>\n\nCommands:\n${Object.values(COMMANDS).map((c) => `  ${c.help}`).join('\n')}\n`;
const [name, ...argv] = process.argv.slice(2);
const command = name ? COMMANDS[name] : undefined;
if (!command) {
  process.stderr.write(name && name !== '--help' ? `Unknown command "${name}".\n\n${usage}` : usage);
  process.exit(name && name !== '--help' ? 2 : 0);
}

try {
  const config = loadConfig(process.env);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    await database.migrate();
    await command.run(database.db, argv, {
      out: (line) => process.stdout.write(`${line}\n`),
      progress: process.stderr.isTTY ? (line) => process.stderr.write(`\r\x1b[2K${line}`) : undefined,
      stdout: process.stdout,
      readSecret: (prompt) => readSecret(process.stdin, process.stderr, prompt),
    });
  } finally {
    await database.close();
  }
} catch (error) {
  if (error instanceof CliError || error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  if ((error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    process.stderr.write(`${(error as Error).message}\n\n${usage}`);
    process.exit(2);
  }
  throw error;
}

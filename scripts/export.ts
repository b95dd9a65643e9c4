/**
 * npm run export -- --layer <name|all> [--bbox west,south,east,north] [--id <id> ...] --out <file>
 *
 * The command itself is scripts/export-command.ts; `npm run export -- --help` says how to use it.
 */
import { runExportCommand } from './export-command.ts';

process.exitCode = runExportCommand(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});

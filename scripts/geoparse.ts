/** npm run geoparse -- FILE... --out DIR|-: see scripts/geoparse-cli.ts (and --help). */
import { runGeoparse } from './geoparse-cli.ts';
import { placeFinderData } from './place-finder-data.ts';

process.exitCode = await runGeoparse(
  process.argv.slice(2),
  { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) },
  placeFinderData,
);

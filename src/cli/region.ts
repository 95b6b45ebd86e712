import { promises as fs } from 'fs';
import { Region } from '../core/region/schema';
import { DEFAULT_REGION_ID, builtInRegions, loadRegion } from '../data/regions';
import { UsageError } from './args';
import { CliError } from './check';

/**
 * `--regio`: a built-in region by its ID, or a region file. An unknown ID is a mistake in the call
 * (exit 2); a file that is missing, not JSON or not a valid region file gets its Dutch message
 * with every problem in it (exit 1).
 */
export async function regionFromArgument(value: string | undefined): Promise<Region> {
  const argument = (value ?? DEFAULT_REGION_ID).trim();
  if (!/\.json$/i.test(argument) && !/[\\/]/.test(argument)) {
    try {
      return loadRegion(argument);
    } catch (error) {
      throw new UsageError(`${(error as Error).message} Zie node build/cli.js regio.`);
    }
  }
  let text: string;
  try {
    text = await fs.readFile(argument, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `Regiobestand ${argument} bestaat niet.` : `Regiobestand ${argument} kan niet worden gelezen (${code ?? 'onbekende fout'}).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CliError(`Regiobestand ${argument} is geen geldige JSON: ${(error as Error).message}`);
  }
  try {
    return loadRegion(json as object);
  } catch (error) {
    throw new CliError(`${argument}: ${(error as Error).message}`);
  }
}

/** `node build/cli.js regio`: the built-in regions with their Dutch descriptions. */
export function regionListText(): string {
  const regions = builtInRegions();
  const width = Math.max(...regions.map((r) => r.id.length));
  return [
    `Ingebouwde regio's (node build/cli.js init BESTAND.xlsx --regio ID):`,
    ...regions.map((r) => `  ${r.id.padEnd(width)}  ${r.naam}${r.id === DEFAULT_REGION_ID ? ' (standaard)' : ''}: ${r.beschrijving}`),
    'Een eigen regio: --regio PAD/NAAR/REGIO.json, een regiobestand van formaat 2 (zie de README).',
  ].join('\n');
}

import { promises as fs } from 'fs';
import { JsonTextError, parseJsonText } from '../core/region/jsonText';
import { Region } from '../core/region/schema';
import { DEFAULT_REGION_ID, loadRegion } from '../data/regions';
import { PROGRAM, UsageError } from './command';
import { CliError } from './files';

/**
 * `--regio`: a built-in region by its ID, or a region file. An unknown ID is a mistake in the call
 * (exit 2); a file that is missing, not JSON or not a valid region file gets its Dutch message
 * with every problem in it (exit 1).
 */
export async function regionFromArgument(value: string | undefined, command: string): Promise<Region> {
  const argument = (value ?? DEFAULT_REGION_ID).trim();
  if (!/\.json$/i.test(argument) && !/[\\/]/.test(argument)) {
    try {
      return loadRegion(argument);
    } catch (error) {
      throw new UsageError(`${(error as Error).message} De ingebouwde regio's staan in ${PROGRAM} regio.`, command);
    }
  }
  let text: string;
  try {
    text = await fs.readFile(argument, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`Regiobestand ${argument} bestaat niet. Een regiobestand om mee te beginnen: ${PROGRAM} regio --sjabloon ${argument}`);
    throw new CliError(`Regiobestand ${argument} kan niet worden gelezen.`, { cause: error });
  }
  let json: unknown;
  try {
    json = parseJsonText(text);
  } catch (error) {
    if (error instanceof JsonTextError) throw new CliError(`Regiobestand ${argument} is geen geldige JSON: ${error.message}.`);
    throw error;
  }
  try {
    return loadRegion(json as object);
  } catch (error) {
    throw new CliError(`${argument}: ${(error as Error).message}`);
  }
}

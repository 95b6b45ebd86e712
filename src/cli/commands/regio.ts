import { promises as fs } from 'fs';
import * as path from 'path';
import { DEFAULT_REGION_ID, builtInRegions } from '../../data/regions';
import { regionTemplate } from '../../data/regionTemplate';
import { Command, EXIT_OK, PROGRAM, UsageError } from '../command';
import { CliError } from '../files';
import { formatJson } from '../json';
import { readArguments, stringOption } from '../options';

export interface RegioArgs {
  /** Where `--sjabloon` writes the region file to start from; absent: list the built-in regions. */
  template?: string;
}

/** Where a user reads what each part of a region file means. */
const REGION_DOCS = 'docs/regiobestand.md';

/** The built-in regions, and the three steps to a region of one's own. */
export function regionListText(): string {
  const regions = builtInRegions();
  const width = Math.max(...regions.map((r) => r.id.length));
  return [
    `Ingebouwde regio's (${PROGRAM} init BESTAND.xlsx --regio ID):`,
    ...regions.map((r) => `  ${r.id.padEnd(width)}  ${r.naam}${r.id === DEFAULT_REGION_ID ? ' (standaard)' : ''}: ${r.beschrijving}`),
    '',
    'Een eigen regio in drie stappen:',
    `  1. ${PROGRAM} regio --sjabloon mijn-regio.json`,
    '     schrijft een regiobestand om mee te beginnen: een kleine voorbeeldregio met uitleg bij elk onderdeel.',
    '  2. Vervang in mijn-regio.json de voorbeeldgegevens door die uit je eigen regioaanpak.',
    `  3. ${PROGRAM} init mijn-regio.xlsx --regio mijn-regio.json`,
    '     controleert het bestand (elke fout met de plek en wat daar hoort) en maakt het werkboek.',
    `Uitleg van elk onderdeel: ${REGION_DOCS}`,
  ].join('\n');
}

/** `regio`: the built-in regions; `regio --sjabloon FILE.json`: a region file to start from. */
export const regioCommand: Command<RegioArgs> = {
  name: 'regio',
  synopsis: ['regio', 'regio --sjabloon EIGEN.json'],
  description: [
    "Toont de ingebouwde regio's en hoe je een eigen regio begint; met --sjabloon schrijft",
    'het een regiobestand om mee te beginnen (een voorbeeldregio met uitleg bij elk onderdeel).',
  ],
  details: [
    '--sjabloon EIGEN.json  schrijft het regiobestand; een bestaand bestand wordt nooit overschreven',
    `Uitleg van elk onderdeel van een regiobestand: ${REGION_DOCS}`,
  ],
  parse(argv) {
    const args = readArguments({ command: 'regio', options: { sjabloon: { type: 'string' } }, positionals: 0 }, argv);
    const template = stringOption(args, 'sjabloon');
    if (template !== undefined && !/\.json$/i.test(template)) {
      throw new UsageError('--sjabloon schrijft een regiobestand: geef een naam die eindigt op .json, bijvoorbeeld mijn-regio.json.', 'regio');
    }
    return template !== undefined ? { template } : {};
  },
  async run(args, io) {
    if (args.template === undefined) {
      io.stdout(regionListText());
      return EXIT_OK;
    }
    const file = args.template;
    try {
      // `wx`: the write fails when the file exists, so nothing a user wrote is overwritten.
      await fs.writeFile(file, formatJson(regionTemplate()), { encoding: 'utf8', flag: 'wx' });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new CliError(`Bestand ${file} bestaat al; het wordt niet overschreven. Kies een andere naam of verwijder het eerst.`);
      if (code === 'ENOENT') throw new CliError(`Kan ${file} niet schrijven: de map bestaat niet.`, { cause: error });
      throw new CliError(`Kan ${file} niet schrijven.`, { cause: error });
    }
    const workbook = path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.xlsx`);
    io.stdout(`Regiobestand ${file} geschreven: een voorbeeldregio om te vervangen door de gegevens uit je eigen regioaanpak.`);
    io.stdout('Elke "_about" zegt wat er hoort; een fout noemt de plek en wat daar verwacht wordt.');
    io.stdout(`Daarna: ${PROGRAM} init ${workbook} --regio ${file}`);
    return EXIT_OK;
  },
};

import { promises as fs } from 'fs';
import { localRuntime } from '../../adapters/local/runtime';
import { LocalWorkbook } from '../../adapters/local/workbook';
import { setupWorkbook } from '../../app/setup';
import { DEFAULT_REGION_ID, builtInRegions } from '../../data/regions';
import { Command, EXIT_OK, PROGRAM, UsageError } from '../command';
import { CliError, saveWorkbook } from '../files';
import { readArguments, stringOption } from '../options';
import { regionFromArgument } from '../region';

export interface InitArgs {
  file: string;
  region?: string;
}

const BUILT_IN = builtInRegions();
const DEFAULT_NAME = BUILT_IN.find((r) => r.id === DEFAULT_REGION_ID)?.naam ?? DEFAULT_REGION_ID;

/** `init BESTAND.xlsx`: a new workbook with every tab, seeded with a region's facts. */
export const initCommand: Command<InitArgs> = {
  name: 'init',
  synopsis: [`init BESTAND.xlsx [--regio ${BUILT_IN.map((r) => r.id).join('|')}|EIGEN.json]`],
  description: [
    `Maakt een nieuw werkboek voor een regio (standaard ${DEFAULT_NAME});`,
    'sjabloon geeft een leeg werkboek, EIGEN.json een eigen regiobestand (zie de opdracht regio).',
  ],
  details: [
    `--regio ID          een ingebouwde regio: ${BUILT_IN.map((r) => r.id).join(', ')} (${PROGRAM} regio)`,
    '--regio EIGEN.json  een eigen regiobestand; elke fout erin wordt genoemd, het werkboek komt er pas als het klopt',
    'Een bestaand bestand wordt nooit overschreven.',
  ],
  parse(argv) {
    const args = readArguments({ command: 'init', options: { regio: { type: 'string' } }, positionals: 1, expects: 'een bestandsnaam (BESTAND.xlsx)' }, argv);
    const file = args.positionals[0];
    if (!file.toLowerCase().endsWith('.xlsx')) throw new UsageError('init maakt een Excel-werkboek: geef een naam die eindigt op .xlsx, bijvoorbeeld regio.xlsx.', 'init');
    const region = stringOption(args, 'regio');
    return { file, ...(region !== undefined ? { region } : {}) };
  },
  async run(args, io) {
    const exists = await fs.stat(args.file).then(() => true, () => false);
    if (exists) throw new CliError(`Bestand ${args.file} bestaat al; het wordt niet overschreven. Kies een andere naam of verwijder het eerst.`);
    const region = await regionFromArgument(args.region, 'init');
    const workbook = LocalWorkbook.create();
    const report = setupWorkbook(localRuntime(workbook), region);
    await saveWorkbook(workbook, args.file);
    const seeded = report.seeded.map((s) => `${s.tab} (${s.rows})`).join(', ');
    const { naam, looptijd } = region.region;
    io.stdout(`Werkboek ${args.file} gemaakt ${naam ? `voor ${naam} ${looptijd.start}-${looptijd.eind}` : 'als leeg sjabloon'}.`);
    io.stdout(`Tabbladen: ${workbook.tabNames().join(', ')}.`);
    io.stdout(seeded ? `Ingevuld met de regiogegevens: ${seeded}.` : 'Vul de regiogegevens in de tabbladen in, te beginnen met Instellingen en Gemeenten.');
    io.stdout(`Verder: ${PROGRAM} check ${args.file} voor de budgetcontrole, ${PROGRAM} agenda ${args.file} JJJJ-Qn voor de agenda van een meet-up.`);
    return EXIT_OK;
  },
};

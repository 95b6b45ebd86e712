import { localRuntime } from '../../adapters/local/runtime';
import { Day } from '../../core/values/dates';
import { Command, EXIT_OK } from '../command';
import { checkSavable, checkWorkbook, loadWorkbook, saveWorkbook } from '../files';
import { readArguments, referenceDateOption } from '../options';
import { renderSummary } from '../table';

export interface CheckArgs {
  file: string;
  referenceDate?: Day;
  json: boolean;
}

/** `check BESTAND.xlsx`: the budget check of the menu item, on an exported workbook. */
export const checkCommand: Command<CheckArgs> = {
  name: 'check',
  synopsis: ['check BESTAND.xlsx [--peildatum JJJJ-MM-DD] [--json]'],
  description: [
    'Voert de budgetcontrole uit, schrijft Budgetcontrole, Reserveverloop, Prognoseverloop,',
    'Herprioritering, Controles en Actiesignalen terug in het bestand (en IDs en een lege',
    'Oorspronkelijke deadline in je tabs) en toont de samenvatting (met --json: als JSON).',
  ],
  details: [
    '--peildatum JJJJ-MM-DD  rekent met deze peildatum in plaats van Instellingen › Peildatum',
    '                        (ook DD-MM-JJJJ, bijvoorbeeld 01-10-2024)',
    '--json                  de samenvatting als JSON, bedragen in centen',
    'Rijen zonder ID krijgen er een; gebruikerstabbladen blijven verder ongewijzigd.',
  ],
  parse(argv) {
    const args = readArguments(
      { command: 'check', options: { peildatum: { type: 'string' }, json: { type: 'boolean' } }, positionals: 1, expects: 'een bestandsnaam (BESTAND.xlsx)' },
      argv,
    );
    const referenceDate = referenceDateOption(args, 'check');
    return { file: args.positionals[0], json: args.values.json === true, ...(referenceDate ? { referenceDate } : {}) };
  },
  async run(args, io) {
    const workbook = await loadWorkbook(args.file);
    // A file that cannot be saved is refused before the check runs, not after.
    await checkSavable(args.file);
    const result = checkWorkbook(localRuntime(workbook), args.referenceDate);
    await saveWorkbook(workbook, args.file);
    io.stdout(args.json ? JSON.stringify(result.summary, null, 2) : renderSummary(result));
    return EXIT_OK;
  },
};

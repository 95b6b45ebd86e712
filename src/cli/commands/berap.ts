import { promises as fs } from 'node:fs';
import path from 'node:path';
import { localRuntime } from '../../adapters/local/runtime';
import { BerapOutput, generateBerap } from '../../app/berap';
import { Day } from '../../core/values/dates';
import { Command, EXIT_OK } from '../command';
import { checkSavable, loadWorkbook, makeFolder, saveWorkbook } from '../files';
import { readArguments, referenceDateOption, stringOption } from '../options';

export interface BerapFiles {
  output: BerapOutput;
  markdownFile: string;
  htmlFile: string;
}

/**
 * The menu item's service on an .xlsx: writes the tab `Berap JJJJ-MM-DD` (the controller's texts
 * kept) and `Prognoseverloop` into the file, and `berap-JJJJ-MM-DD.md` and `.html` to `outDir`.
 * `today` stands in for a blank Peildatum (tests, demo).
 */
export async function writeBerapFiles(file: string, outDir: string, options: { referenceDate?: Day; today?: Day } = {}): Promise<BerapFiles> {
  const workbook = await loadWorkbook(file);
  await checkSavable(file);
  const runtime = localRuntime(workbook, options.today ? { today: options.today } : {});
  const output = generateBerap(runtime, options.referenceDate);
  await saveWorkbook(workbook, file);
  await makeFolder(outDir);
  const base = path.join(outDir, `berap-${output.berap.referenceDate}`);
  await fs.writeFile(`${base}.md`, output.markdown, 'utf8');
  await fs.writeFile(`${base}.html`, output.html, 'utf8');
  return { output, markdownFile: `${base}.md`, htmlFile: `${base}.html` };
}

export interface BerapArgs {
  file: string;
  referenceDate?: Day;
  outDir?: string;
}

/** `berap BESTAND.xlsx [--peildatum JJJJ-MM-DD] [--out MAP]`: the controller's report per Peildatum. */
export const berapCommand: Command<BerapArgs> = {
  name: 'berap',
  synopsis: ['berap BESTAND.xlsx [--peildatum JJJJ-MM-DD] [--out MAP]'],
  description: [
    'Maakt de berap op de peildatum: het tabblad Berap JJJJ-MM-DD in het werkboek (je toelichtingen',
    'blijven staan) en berap-JJJJ-MM-DD.md en .html (standaard naast het werkboek).',
  ],
  details: [
    '--peildatum JJJJ-MM-DD  rekent met deze peildatum in plaats van Instellingen › Peildatum',
    '                        (ook DD-MM-JJJJ, bijvoorbeeld 01-10-2024)',
    '--out MAP               de map voor de twee bestanden (standaard de map van het werkboek)',
  ],
  parse(argv) {
    const args = readArguments(
      { command: 'berap', options: { peildatum: { type: 'string' }, out: { type: 'string' } }, positionals: 1, expects: 'een bestandsnaam (BESTAND.xlsx)' },
      argv,
    );
    const referenceDate = referenceDateOption(args, 'berap');
    const outDir = stringOption(args, 'out');
    return { file: args.positionals[0], ...(referenceDate ? { referenceDate } : {}), ...(outDir !== undefined ? { outDir } : {}) };
  },
  async run(args, io) {
    const result = await writeBerapFiles(args.file, args.outDir ?? path.dirname(args.file), { referenceDate: args.referenceDate });
    const missing = result.output.berap.rows.filter((r) => r.explanationRequired && !r.explanation.trim()).length;
    io.stdout(result.output.berap.title);
    io.stdout(`Geschreven: tabblad ${result.output.tabName} in ${args.file}`);
    io.stdout(`Geschreven: ${result.markdownFile}`);
    io.stdout(`Geschreven: ${result.htmlFile}`);
    if (missing) io.stdout(`${missing} verplichte ${missing === 1 ? 'toelichting ontbreekt' : 'toelichtingen ontbreken'}: vul de kolom Toelichting in het tabblad in en maak de berap opnieuw.`);
    return EXIT_OK;
  },
};

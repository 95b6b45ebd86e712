import { promises as fs } from 'node:fs';
import path from 'node:path';
import { localRuntime } from '../../adapters/local/runtime';
import { prepareAgenda } from '../../app/agenda';
import { parseMeetupChoice } from '../../core/agenda/choice';
import { Day } from '../../core/values/dates';
import { Command, EXIT_OK, UsageError } from '../command';
import { missingDayReason } from '../dayArgument';
import { loadWorkbook, makeFolder } from '../files';
import { readArguments, referenceDateOption, stringOption } from '../options';

export interface AgendaFiles {
  title: string;
  markdownFile: string;
  htmlFile: string;
}

/**
 * Writes `agenda-2024-09-12.md` and `.html` for the meet-up `meetup` names (a date, or `JJJJ-Qn`) to
 * `outDir`. The workbook is read as `check` reads it (a missing or broken file gets the same Dutch
 * message) and not changed; the campaigns, newsletter and the other region
 * texts come from its `Instellingen`. `today` stands in for a blank Peildatum (tests, demo).
 */
export async function writeAgendaFiles(file: string, meetup: string, outDir: string, options: { today?: Day; referenceDate?: Day } = {}): Promise<AgendaFiles> {
  const workbook = await loadWorkbook(file);
  const runtime = localRuntime(workbook, options.today ? { today: options.today } : {});
  const output = prepareAgenda(runtime, meetup, undefined, options.referenceDate ? { referenceDate: options.referenceDate } : {});
  await makeFolder(outDir);
  const base = path.join(outDir, `agenda-${output.date}`);
  await fs.writeFile(`${base}.md`, output.markdown, 'utf8');
  await fs.writeFile(`${base}.html`, output.html, 'utf8');
  return { title: output.title, markdownFile: `${base}.md`, htmlFile: `${base}.html` };
}

export interface AgendaArgs {
  file: string;
  meetup: string;
  outDir?: string;
  referenceDate?: Day;
}

/** `agenda BESTAND.xlsx JJJJ-MM-DD|JJJJ-Qn`: the agenda of one meet-up as Markdown and HTML. */
export const agendaCommand: Command<AgendaArgs> = {
  name: 'agenda',
  synopsis: ['agenda BESTAND.xlsx JJJJ-MM-DD|JJJJ-Qn [--out MAP] [--peildatum JJJJ-MM-DD]'],
  description: [
    'Schrijft de agenda van de meet-up op die datum (of de eerste in dat kwartaal) als',
    'agenda-JJJJ-MM-DD.md en .html (standaard naast het werkboek). Het werkboek blijft ongewijzigd.',
  ],
  details: [
    'JJJJ-MM-DD   de datum van een rij in Meet-ups (ook DD-MM-JJJJ)',
    'JJJJ-Qn      de eerste meet-up in dat kwartaal, bijvoorbeeld 2024-Q3',
    '--out MAP    de map voor de twee bestanden (standaard de map van het werkboek)',
    '--peildatum  de cijfers per deze dag in plaats van Instellingen › Peildatum; nooit later dan de meet-up',
  ],
  parse(argv) {
    const args = readArguments(
      {
        command: 'agenda',
        options: { out: { type: 'string' }, peildatum: { type: 'string' } },
        positionals: 2,
        expects: 'een bestandsnaam en de datum van een meet-up (BESTAND.xlsx JJJJ-MM-DD of JJJJ-Qn)',
      },
      argv,
    );
    const [file, meetup] = args.positionals;
    // A date or quarter that cannot be read is a bad argument (exit 2), found before the file is opened.
    if (!parseMeetupChoice(meetup)) {
      throw new UsageError(missingDayReason(meetup) ?? `"${meetup}" is geen datum of kwartaal: gebruik JJJJ-MM-DD (bijvoorbeeld 2024-09-12) of JJJJ-Qn.`, 'agenda');
    }
    const outDir = stringOption(args, 'out');
    const referenceDate = referenceDateOption(args, 'agenda');
    return { file, meetup, ...(outDir !== undefined ? { outDir } : {}), ...(referenceDate ? { referenceDate } : {}) };
  },
  async run(args, io) {
    const result = await writeAgendaFiles(args.file, args.meetup, args.outDir ?? path.dirname(args.file), args.referenceDate ? { referenceDate: args.referenceDate } : {});
    io.stdout(result.title);
    io.stdout(`Geschreven: ${result.markdownFile}`);
    io.stdout(`Geschreven: ${result.htmlFile}`);
    return EXIT_OK;
  },
};

import { Command, EXIT_OK } from '../command';
import { runDemo } from '../demo';
import { readArguments, stringOption } from '../options';
import { renderSummary } from '../table';

export const DEFAULT_DEMO_DIR = 'out';

export interface DemoArgs {
  outDir: string;
}

/** `demo`: what `npm start` runs, the default region with fictional demo data. */
export const demoCommand: Command<DemoArgs> = {
  name: 'demo',
  synopsis: ['demo [--out MAP]'],
  description: [`Bouwt het demowerkboek met fictieve mutaties in MAP (standaard ${DEFAULT_DEMO_DIR}/).`],
  details: [`--out MAP  de map voor het werkboek en de agenda (standaard ${DEFAULT_DEMO_DIR}/)`],
  parse(argv) {
    const args = readArguments({ command: 'demo', options: { out: { type: 'string' } }, positionals: 0 }, argv);
    return { outDir: stringOption(args, 'out') ?? DEFAULT_DEMO_DIR };
  },
  async run(args, io) {
    const { file, result, agenda, berap } = await runDemo({ outDir: args.outDir });
    io.stdout(renderSummary(result));
    io.stdout('');
    io.stdout(`Demowerkboek geschreven: ${file}`);
    io.stdout(`${agenda.title}: ${agenda.markdownFile} en ${agenda.htmlFile}`);
    io.stdout(`${berap.title}: ${berap.markdownFile} en ${berap.htmlFile}`);
    io.stdout('Let op: de mutaties, de kortingen, het besluit in Begrotingswijzigingen en de planning in dit werkboek zijn FICTIEF (demo); de regiogegevens komen uit de regioaanpak.');
    return EXIT_OK;
  },
};

/**
 * A save that stops half way, for the crash test: writes part of the new content through
 * writeFileSafely, says `halverwege` on stdout and waits to be killed.
 * Usage: node slowSave.js FILE
 */
import { writeFileSafely } from '../../src/adapters/local/safeWrite';

// As the CLI does (src/cli/cli.ts): a polite kill exits normally, so exit handlers run.
process.on('SIGTERM', () => process.exit(143));
const keepAlive = setInterval(() => undefined, 1000);

async function* halfAWorkbook(): AsyncGenerator<Uint8Array> {
  yield Buffer.from('de eerste helft van het nieuwe werkboek');
  process.stdout.write('halverwege\n');
  await new Promise(() => undefined);
}

writeFileSafely(process.argv[2], halfAWorkbook()).finally(() => clearInterval(keepAlive));

/**
 * Entry of build/cli.js (`node build/cli.js help`). Kept to the call so that tests can run `main`
 * in-process without starting the CLI on import.
 */
import { main } from './main';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.stderr.write('Fout: er ging iets onverwachts mis.\n');
    process.exitCode = 1;
  },
);

/**
 * Entry of build/cli.js (`node build/cli.js help`). Kept to the call so that tests can run `main`
 * in-process without starting the CLI on import.
 */
import { failureText, main } from './main';

/** Whatever escapes `main` (an error in a stream callback, say) still ends as a Dutch message. */
const fail = (error: unknown) => {
  process.stderr.write(`${failureText(error)}\n`);
  process.exit(1);
};
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);
// Ctrl+C or a kill during a save: exit normally, so the save's temp file is removed on the way out.
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  fail,
);

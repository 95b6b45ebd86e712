// What the ensure-* scripts share: install a Debian package when we may (root, apt-get), else say in
// Dutch what to do. Returns whether it installed.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

/**
 * `what` names the tool for the messages, `packages` is the apt-get argument list, `duration` how long
 * it takes (said before it starts), `manual` the lines to print when it cannot be installed here.
 */
export function aptInstall({ what, packages, duration, manual }) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !existsSync('/usr/bin/apt-get')) {
    for (const line of manual) console.warn(line);
    return false;
  }
  console.log(`${what}: installeren met apt-get (${duration})...`);
  execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages}`, { stdio: 'inherit' });
  return true;
}

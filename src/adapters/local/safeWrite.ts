import { constants, promises as fs, unlinkSync } from 'fs';
import * as path from 'path';
import { DutchError } from '../../core/errors';

/** A save that cannot or may not be done: read-only file, missing folder, a link to nowhere. */
export class SaveRefusedError extends DutchError {}

const TEMP_MARK = 'regiomonitor-tmp';
/** `.regio.xlsx.~1234.regiomonitor-tmp`: hidden, next to the file, named after the process writing it. */
const tempName = (base: string, pid: number) => `.${base}.~${pid}.${TEMP_MARK}`;
const tempPattern = (base: string) => new RegExp(`^\\.${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.~(\\d+)\\.${TEMP_MARK}$`);

/** Temp files of saves in progress in this process, removed if it exits half way. */
const active = new Set<string>();
let exitHookInstalled = false;
function removeActiveTempsOnExit(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const file of active) {
      try {
        unlinkSync(file);
      } catch {
        // already gone
      }
    }
  });
}

const code = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code;

export interface SaveTarget {
  /** The file that is really written: the end of a chain of symbolic links, or the path itself. */
  file: string;
  exists: boolean;
  /** Permission bits (and setuid/setgid/sticky) of the existing file. */
  mode?: number;
  uid?: number;
  gid?: number;
}

/** Follows symbolic links to the file they point at, which may not exist yet. */
export async function resolveSaveTarget(file: string): Promise<SaveTarget> {
  let current = path.resolve(file);
  for (let hops = 0; hops < 40; hops++) {
    let stat;
    try {
      stat = await fs.lstat(current);
    } catch (error) {
      if (code(error) === 'ENOENT') return { file: current, exists: false };
      if (code(error) === 'EACCES') throw new SaveRefusedError(`Kan ${file} niet opslaan: je hebt geen toegang tot de map van dit bestand.`, { cause: error });
      throw error;
    }
    if (stat.isSymbolicLink()) {
      current = path.resolve(path.dirname(current), await fs.readlink(current));
      continue;
    }
    if (!stat.isFile()) throw new SaveRefusedError(`Kan ${file} niet opslaan: ${current} is geen gewoon bestand.`);
    return { file: current, exists: true, mode: stat.mode & 0o7777, uid: stat.uid, gid: stat.gid };
  }
  throw new SaveRefusedError(`Kan ${file} niet opslaan: te veel symbolische koppelingen achter elkaar.`);
}

/**
 * Refuses a file nobody may write (no write bit at all: even root respects that here), that this
 * user may not write, or that a spreadsheet program has open, before any work is done.
 */
export async function assertWritable(file: string): Promise<SaveTarget> {
  const target = await resolveSaveTarget(file);
  await assertNotOpenElsewhere(file, target.file);
  if (target.exists) {
    if ((target.mode! & 0o222) === 0) throw new SaveRefusedError(`Kan ${file} niet opslaan: het bestand is alleen-lezen. Maak het eerst schrijfbaar, of kopieer het.`);
    try {
      await fs.access(target.file, constants.W_OK);
    } catch (error) {
      throw new SaveRefusedError(`Kan ${file} niet opslaan: je hebt geen schrijfrechten op dit bestand.`, { cause: error });
    }
  }
  const folder = path.dirname(target.file);
  try {
    await fs.access(folder, constants.W_OK | constants.X_OK);
  } catch (error) {
    if (code(error) === 'ENOENT') throw new SaveRefusedError(`Kan ${file} niet opslaan: de map ${folder} bestaat niet.`, { cause: error });
    throw new SaveRefusedError(`Kan ${file} niet opslaan: je hebt geen schrijfrechten in de map ${folder} (nodig om veilig op te slaan).`, { cause: error });
  }
  return target;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return code(error) === 'EPERM';
  }
};

/**
 * Removes temp files that an earlier save of `file` left when its process was killed (power cut,
 * kill -9): those of processes that no longer run. Returns the names removed.
 */
export async function removeStaleTemps(file: string): Promise<string[]> {
  const target = await resolveSaveTarget(file).catch(() => null);
  if (!target) return [];
  const folder = path.dirname(target.file);
  const pattern = tempPattern(path.basename(target.file));
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = pattern.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid !== process.pid && alive(pid)) continue;
    if (active.has(path.join(folder, name))) continue;
    try {
      await fs.unlink(path.join(folder, name));
      removed.push(name);
    } catch {
      // someone else cleaned it up
    }
  }
  return removed;
}

/**
 * Saves `content` to `file` so that the file is either the old one or the new one, never half:
 * written to a temp file in the same folder, flushed, then renamed over the file.
 * - a read-only file is refused (SaveRefusedError), as is a file the user may not write;
 * - the file keeps its permission bits (and owner, when run as root);
 * - a symbolic link stays a link: the file it points at is written;
 * - a temp file never outlives the save: removed on failure and on exit, and one left by a killed
 *   process is removed by the next save of the same file (or by removeStaleTemps).
 * Hard links to the file keep the old content: the new file is a new inode.
 */
export async function writeFileSafely(file: string, content: Uint8Array | AsyncIterable<Uint8Array>): Promise<void> {
  const target = await assertWritable(file);
  await removeStaleTemps(file);
  removeActiveTempsOnExit();
  const temp = path.join(path.dirname(target.file), tempName(path.basename(target.file), process.pid));
  active.add(temp);
  let handle: fs.FileHandle | null = null;
  try {
    handle = await fs.open(temp, 'wx', target.mode ?? 0o666);
    if (content instanceof Uint8Array) {
      await handle.writeFile(content);
    } else {
      for await (const chunk of content) await handle.write(chunk);
    }
    // The umask may have narrowed the mode at creation; the file gets exactly the old one back.
    if (target.mode !== undefined) await handle.chmod(target.mode);
    if (target.uid !== undefined && process.getuid?.() === 0) await handle.chown(target.uid, target.gid!).catch(() => undefined);
    await handle.sync();
    await handle.close();
    handle = null;
    await fs.rename(temp, target.file);
    active.delete(temp);
    await syncFolder(path.dirname(target.file));
  } finally {
    if (handle) await handle.close().catch(() => undefined);
    if (active.has(temp)) {
      await fs.unlink(temp).catch(() => undefined);
      active.delete(temp);
    }
  }
}

/** Makes the rename durable; not every file system allows opening a folder, which is fine. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const dir = await fs.open(folder, 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  } catch {
    // best effort
  }
}

/**
 * Lock files a spreadsheet program keeps beside a workbook it has open: LibreOffice's
 * `.~lock.X.xlsx#` (its fields: user name, system user, host, date, profile) and Excel's `~$X.xlsx`.
 */
const LOCK_FILES = [
  { program: 'LibreOffice', name: (base: string) => `.~lock.${base}#` },
  { program: 'Excel', name: (base: string) => `~$${base}` },
];

/** Who has it open since when, from LibreOffice's lock file: `door Jan sinds 07.12.2026 10:15`. */
function lockHolder(content: string): string {
  const [name, user, , since] = content.split(',');
  const who = (name || user || '').trim();
  const when = (since ?? '').trim();
  if (!who && !when) return '';
  return ` (${[who && `door ${who}`, when && `sinds ${when}`].filter(Boolean).join(' ')})`;
}

/**
 * Refuses a workbook that a spreadsheet program has open: that program saves its own copy later
 * and would overwrite what we write (IDs, generated tabs). A lock left by a crash is named, so the
 * user can remove it.
 */
export async function assertNotOpenElsewhere(file: string, target: string = file): Promise<void> {
  for (const at of new Set([path.resolve(file), target])) {
    const folder = path.dirname(at);
    for (const { program, name } of LOCK_FILES) {
      const lock = name(path.basename(at));
      let content: string;
      try {
        content = await fs.readFile(path.join(folder, lock), 'utf8');
      } catch {
        continue;
      }
      const holder = program === 'LibreOffice' ? lockHolder(content) : '';
      throw new SaveRefusedError(
        `${file} is geopend in ${program}${holder}: het vergrendelbestand ${lock} staat ernaast. ` +
          `Sluit het werkboek daar eerst; anders overschrijft ${program} bij het opslaan wat de CLI schrijft. ` +
          `Staat het nergens meer open (na een crash), verwijder dan ${lock}.`,
      );
    }
  }
}

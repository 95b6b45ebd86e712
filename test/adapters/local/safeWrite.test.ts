import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SaveRefusedError, removeStaleTemps, writeFileSafely } from '../../../src/adapters/local/safeWrite';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'regiomonitor-save-'));

describe('writeFileSafely', () => {
  test('replaces the content, keeps the mode whatever the umask, leaves nothing else behind', async () => {
    const dir = tmp();
    const file = path.join(dir, 'regio.xlsx');
    fs.writeFileSync(file, 'oud');
    fs.chmodSync(file, 0o640);
    const umask = process.umask(0o077);
    try {
      await writeFileSafely(file, Buffer.from('nieuw'));
    } finally {
      process.umask(umask);
    }
    expect(fs.readFileSync(file, 'utf8')).toBe('nieuw');
    expect(fs.statSync(file).mode & 0o7777).toBe(0o640);
    expect(fs.readdirSync(dir)).toEqual(['regio.xlsx']);
  });

  test('follows a chain of links to the file, and a link to a file not there yet creates it', async () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, 'echt'));
    const file = path.join(dir, 'echt', 'regio.xlsx');
    fs.writeFileSync(file, 'oud');
    fs.symlinkSync('echt/regio.xlsx', path.join(dir, 'een.xlsx'));
    fs.symlinkSync('een.xlsx', path.join(dir, 'twee.xlsx'));
    await writeFileSafely(path.join(dir, 'twee.xlsx'), Buffer.from('nieuw'));
    expect(fs.readFileSync(file, 'utf8')).toBe('nieuw');
    expect(fs.lstatSync(path.join(dir, 'een.xlsx')).isSymbolicLink()).toBe(true);
    expect(fs.lstatSync(path.join(dir, 'twee.xlsx')).isSymbolicLink()).toBe(true);
    expect(fs.readdirSync(path.join(dir, 'echt'))).toEqual(['regio.xlsx']);

    fs.symlinkSync('echt/later.xlsx', path.join(dir, 'vooruit.xlsx'));
    await writeFileSafely(path.join(dir, 'vooruit.xlsx'), Buffer.from('eerste'));
    expect(fs.readFileSync(path.join(dir, 'echt', 'later.xlsx'), 'utf8')).toBe('eerste');
    expect(fs.lstatSync(path.join(dir, 'vooruit.xlsx')).isSymbolicLink()).toBe(true);
  });

  test('refuses, in Dutch: a read-only file, a folder, a missing folder', async () => {
    const dir = tmp();
    const file = path.join(dir, 'regio.xlsx');
    fs.writeFileSync(file, 'oud');
    fs.chmodSync(file, 0o400);
    await expect(writeFileSafely(file, Buffer.from('x'))).rejects.toThrow(new SaveRefusedError(`Kan ${file} niet opslaan: het bestand is alleen-lezen. Maak het eerst schrijfbaar, of kopieer het.`));
    expect(fs.readFileSync(file, 'utf8')).toBe('oud');
    await expect(writeFileSafely(dir, Buffer.from('x'))).rejects.toThrow(`Kan ${dir} niet opslaan: ${dir} is geen gewoon bestand.`);
    const missing = path.join(dir, 'weg', 'regio.xlsx');
    await expect(writeFileSafely(missing, Buffer.from('x'))).rejects.toThrow(`Kan ${missing} niet opslaan: de map ${path.join(dir, 'weg')} bestaat niet.`);
  });

  test('a failed write removes its temp file and leaves the old file', async () => {
    const dir = tmp();
    const file = path.join(dir, 'regio.xlsx');
    fs.writeFileSync(file, 'oud');
    async function* broken(): AsyncGenerator<Uint8Array> {
      yield Buffer.from('half');
      throw new Error('schijf weg');
    }
    await expect(writeFileSafely(file, broken())).rejects.toThrow('schijf weg');
    expect(fs.readFileSync(file, 'utf8')).toBe('oud');
    expect(fs.readdirSync(dir)).toEqual(['regio.xlsx']);
  });
});

describe('removeStaleTemps', () => {
  test('removes the temp files of processes that are gone, only for this file', async () => {
    const dir = tmp();
    const file = path.join(dir, 'regio.xlsx');
    fs.writeFileSync(file, 'x');
    // pid 1 always runs; 2^22 + 1 is above Linux's highest pid, so no process has it.
    const dead = '.regio.xlsx.~4194305.regiomonitor-tmp';
    const living = '.regio.xlsx.~1.regiomonitor-tmp';
    const other = '.ander.xlsx.~4194305.regiomonitor-tmp';
    for (const name of [dead, living, other, 'notities.txt']) fs.writeFileSync(path.join(dir, name), '');
    expect(await removeStaleTemps(file)).toEqual([dead]);
    expect(fs.readdirSync(dir).sort()).toEqual([living, other, 'notities.txt', 'regio.xlsx'].sort());
  });
});

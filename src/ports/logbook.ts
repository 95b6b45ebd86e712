import { Grid } from '../core/sheet/cell';
import { CopyEntry } from '../core/logbook/rowCopy';
import { LogLine } from '../core/logbook/keyed';

/**
 * `Logboek` as the project leader's catch-up writes it: lines are appended one by one (each append
 * is atomic, so the edit trigger may append at the same moment without the lock), and only the
 * `Keten` cells of lines already there are ever rewritten, by a seal.
 */
export interface LogbookPort {
  /** The last row with content (1: the header only). */
  lastRow(): number;
  /** Rows `from` to `to` (inclusive, from 2 on): each line's six cells and its `Keten`. */
  lines(from: number, to: number): LogLine[];
  /** Appends lines whose `Keten` is already made (seven cells each). */
  append(lines: Grid): void;
  writeKeten(writes: readonly { row: number; keten: string }[]): void;
}

/** The hidden copy deleted rows are compared with (core/logbook/rowCopy.ts): entries written at their ID's place. */
export interface RowCopyPort {
  write(tab: string, entries: readonly CopyEntry[]): void;
}

import { Cell, Grid, cellText } from '../../core/sheet/cell';
import { sameName } from '../../core/values/text';
import { DEFAULT_TIME_ZONE } from '../../core/values/dates';
import { SheetsService, WorkbookMetadata, readMetadata, readTabsAt, sheetsApi } from './sheetsApi';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface Size {
  maxRows: number;
  maxColumns: number;
}

/** What a read showed of a tab: its used extent and its header row. */
export interface TabShape {
  lastRow: number;
  lastColumn: number;
  header: string[];
}

/**
 * The tabs of one spreadsheet during one run: names, handles, sizes and reads, each fetched once.
 *
 * With the Sheets advanced service, the names, sizes, frozen rows and time zone come in one call,
 * the handles in one getSheets() (matched by position, so no getName per tab), and the first read
 * fetches every tab in `batch` with it, in two calls. Without it, names cost a getName per tab and a
 * read costs getDataRange and getValues, as before.
 */
export class SheetDirectory {
  private api: SheetsService | null;
  private meta: WorkbookMetadata | null = null;
  private titles: string[] | null = null;
  private handles: Map<string, Sheet> | null = null;
  private readonly sizes = new Map<string, Size>();
  private readonly frozen = new Map<string, number>();
  private readonly prefetched = new Map<string, Grid>();
  private readonly shapes = new Map<string, TabShape>();
  private readonly served = new Set<string>();
  private id: string | null = null;

  /** Inside the lock: the first read brings the whole batch, the people tabs included. */
  private wide = false;

  constructor(
    private readonly spreadsheet: Spreadsheet,
    /** Tabs read together with the first one asked for (when present): the user and generated tabs. */
    private readonly batch: readonly string[] = [],
    /** Tabs that say who is who: read on their own when they are read first, outside the lock. */
    private readonly people: readonly string[] = [],
    /** And the tabs whose name matches (the beraps, which the check reads too): small, and one each. */
    private readonly batchPattern: RegExp | null = null,
  ) {
    this.api = sheetsApi();
  }

  /**
   * Forgets everything read: another execution may have changed the spreadsheet while this one
   * waited for the lock, so nothing read before it may be served after it (a size read before
   * could even put inserted rows in the middle of the data).
   */
  reset(): void {
    // Without the service nothing is kept but names and handles, which SpreadsheetApp always kept.
    if (!this.api) return;
    this.wide = true;
    this.meta = null;
    this.titles = null;
    this.handles = null;
    this.sizes.clear();
    this.frozen.clear();
    this.prefetched.clear();
    this.shapes.clear();
    this.served.clear();
  }

  /** True when the advanced service reads: the run knows sizes, frozen rows and shapes without asking. */
  get batched(): boolean {
    return this.api !== null;
  }

  private spreadsheetId(): string {
    return (this.id ??= this.spreadsheet.getId());
  }

  private metadata(): WorkbookMetadata | null {
    if (!this.api) return null;
    if (!this.meta) {
      try {
        this.meta = readMetadata(this.api, this.spreadsheetId());
      } catch {
        // The service refused (the scope not granted yet, a quota): SpreadsheetApp does it, slower.
        this.api = null;
        return null;
      }
      for (const s of this.meta.sheets) {
        this.sizes.set(s.title, { maxRows: s.rowCount, maxColumns: s.columnCount });
        this.frozen.set(s.title, s.frozenRows);
      }
    }
    return this.meta;
  }

  timeZone(): string | null {
    return this.metadata()?.timeZone || null;
  }

  names(): string[] {
    if (!this.titles) {
      const meta = this.metadata();
      if (meta) this.titles = meta.sheets.map((s) => s.title);
      else this.sheetHandles();
    }
    return [...this.titles!];
  }

  /** `titles`: the names in getSheets() order when known otherwise (a tab just inserted at the end). */
  private sheetHandles(expected: string[] | null = null): Map<string, Sheet> {
    if (!this.handles) {
      const sheets = this.spreadsheet.getSheets();
      const titles = expected ?? (this.metadata() ? this.names() : null);
      this.handles = new Map();
      if (titles && titles.length === sheets.length) sheets.forEach((s, i) => this.handles!.set(titles[i], s));
      else for (const s of sheets) this.handles.set(s.getName(), s);
      this.titles = [...this.handles.keys()];
    }
    return this.handles;
  }

  /** The tab's name as the spreadsheet spells it: Sheets treats tab names case-insensitively; so do we. */
  find(name: string): string | null {
    const names = this.names();
    if (names.includes(name)) return name;
    return names.find((n) => sameName(n, name)) ?? null;
  }

  sheet(title: string): Sheet {
    const sheet = this.sheetHandles().get(title);
    if (!sheet) throw new Error(`Tabblad ${title} ontbreekt.`);
    return sheet;
  }

  /** A tab this run inserted; its size is asked when needed. */
  added(title: string, sheet: Sheet, index: number): void {
    // Handles fetched only now include the new tab: without placing it, they would no longer match
    // the metadata's names by position, and each tab would cost a getName.
    const names = this.names();
    const expected = this.handles || !this.meta ? null : [...names.slice(0, index), title, ...names.slice(index)];
    this.sheetHandles(expected).set(title, sheet);
    if (!this.titles!.includes(title)) this.titles!.push(title);
    this.sizes.delete(title);
    this.frozen.set(title, 0);
  }

  /** Rows × columns of the grid, when known without a call. */
  knownSize(title: string): Size | null {
    this.metadata();
    return this.sizes.get(title) ?? null;
  }

  setSize(title: string, size: Size): void {
    this.sizes.set(title, size);
  }

  knownFrozenRows(title: string): number | null {
    this.metadata();
    return this.frozen.get(title) ?? null;
  }

  setFrozenRows(title: string, rows: number): void {
    this.frozen.set(title, rows);
  }

  /** Extent and header row as the last read of this run saw them; null when not read, or written since. */
  shape(title: string): TabShape | null {
    return this.shapes.get(title) ?? null;
  }

  /** Forgets what was read of a tab that is written. */
  written(title: string, shape: TabShape | null = null): void {
    this.prefetched.delete(title);
    if (shape) this.shapes.set(title, shape);
    else this.shapes.delete(title);
  }

  /** The whole used range of a tab, as getDataRange().getValues() gives it. */
  read(title: string): Grid {
    let grid = this.prefetched.get(title) ?? null;
    if (grid) this.prefetched.delete(title);
    else if (this.api && this.metadata()) grid = this.fetch(title);
    if (!grid) {
      grid = this.sheet(title).getDataRange().getValues() as Grid;
      this.remember(title, grid);
    }
    this.served.add(title);
    return grid;
  }

  /** `title` and its group through the service; null when the service refused (SpreadsheetApp reads then). */
  private fetch(title: string): Grid | null {
    const titles = this.group(title);
    let grids: Grid[];
    try {
      grids = readTabsAt(this.api!, this.spreadsheetId(), titles, this.timeZone() || this.spreadsheet.getSpreadsheetTimeZone() || DEFAULT_TIME_ZONE);
    } catch {
      this.api = null;
      return null;
    }
    titles.forEach((t, i) => {
      this.remember(t, grids[i]);
      if (t !== title) this.prefetched.set(t, grids[i]);
    });
    return grids[titles.indexOf(title)];
  }

  /**
   * The tabs read together with `title`: every tab of the batch not read yet. Before the lock, the
   * first read of a people tab brings only the people tabs: a server function checks the caller's
   * rights first, and a locked one reads everything again inside the lock (see reset).
   */
  private group(title: string): string[] {
    const present = (names: readonly string[]) => names.map((b) => this.find(b)).filter((t): t is string => t !== null);
    const people = present(this.people);
    if (!this.wide && this.served.size === 0 && this.prefetched.size === 0 && people.includes(title)) return [...new Set([title, ...people])];
    const matching = this.batchPattern ? this.names().filter((t) => this.batchPattern!.test(t)) : [];
    const rest = [...present(this.batch), ...matching].filter((t) => !this.served.has(t) && !this.prefetched.has(t));
    return [...new Set([title, ...rest])];
  }

  private remember(title: string, grid: Grid): void {
    const empty = grid.length === 1 && grid[0].every((c) => c === '' || c === null);
    this.shapes.set(title, {
      lastRow: empty ? 0 : grid.length,
      lastColumn: empty ? 0 : (grid[0]?.length ?? 0),
      header: ((grid[0] ?? []) as Cell[]).map((c) => cellText(c)),
    });
  }
}

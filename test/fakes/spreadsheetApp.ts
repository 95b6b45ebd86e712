/**
 * A typed in-memory fake of the Apps Script services Regiomonitor uses: SpreadsheetApp (with Ui,
 * data validation, protections), LockService, Session, PropertiesService and ScriptApp.
 *
 * It behaves like Sheets where the code can get it wrong: blanks read as '', ranges outside the
 * sheet throw, data of the wrong shape throws, new sheets are 1000 × 26, getDataRange follows the
 * last non-empty row/column. Every method call on a fake object counts as one service call, so tests
 * can assert that the number of calls does not grow with the number of rows.
 *
 * Methods whose name starts with `_` are internals (never counted, never part of the fake API);
 * `__` marks test helpers that have no Apps Script counterpart.
 */
import { randomUUID } from 'crypto';
import { columnLetter } from '../../src/core/sheet/a1';

export type Value = string | number | boolean | Date;

// ---------------------------------------------------------------------------------------------
// Service-call counter and proxies

export class ServiceCounter {
  total = 0;
  readonly byMethod = new Map<string, number>();
  private paused_ = 0;

  _count(method: string): void {
    if (this.paused_) return;
    this.total++;
    this.byMethod.set(method, (this.byMethod.get(method) ?? 0) + 1);
  }
  reset(): void {
    this.total = 0;
    this.byMethod.clear();
  }
  /** True inside uncounted(): test set-up, which is no execution's work. */
  paused(): boolean {
    return this.paused_ > 0;
  }
  /** Calls of one method, e.g. `Range.setValues`. */
  count(method: string): number {
    return this.byMethod.get(method) ?? 0;
  }
  /** The per-method breakdown as a plain object, sorted by name. */
  breakdown(): Record<string, number> {
    return Object.fromEntries([...this.byMethod.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }
  /** Runs `fn` without counting: for test assertions that inspect the fake through its own API. */
  uncounted<T>(fn: () => T): T {
    this.paused_++;
    try {
      return fn();
    } finally {
      this.paused_--;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Executions: concurrent runs of server code (two users' edit triggers at once), interleaved
// deterministically at service-call granularity.
//
// Apps Script runs each execution in its own process; JavaScript here has one thread. The model:
// execution A runs; at its n-th service call, execution B starts and runs to its end, or until it
// asks for a lock that A holds. Then B waits: it is queued and started again from the top the moment
// A releases the lock. Starting over is what waiting would have done only if B had read nothing
// before asking for the lock, since A may change that meanwhile; so the fake refuses to queue an
// execution that read spreadsheet data or properties first, instead of hiding a race.

/** Calls that read data another execution may change meanwhile. */
const STATE_READS = new Set([
  'Range.getValues', 'Range.getValue', 'Range.getDisplayValues', 'Range.getDisplayValue', 'Range.getNotes', 'Range.getNote',
  'Sheet.getLastRow', 'Sheet.getLastColumn', 'Sheet.getDataRange', 'Sheet.getMaxRows',
  'Properties.getProperty', 'Properties.getProperties', 'Properties.getKeys',
]);

/** Thrown inside an execution that must wait for a lock; the scheduler catches it. */
class LockWait {
  constructor(readonly stats: LockStats) {}
}

export class Executions {
  /** 0 is the test itself; scheduled executions get 1, 2, … */
  current = 0;
  private next = 1;
  private readonly calls = new Map<number, number>();
  private readonly reads = new Map<number, string[]>();
  private readonly preemptions: { execution: number; at: number; run: () => void; name: string }[] = [];
  private readonly waiting: { stats: LockStats; run: () => void; name: string }[] = [];
  /** What happened, in order: for test messages and for asserting that someone really waited. */
  readonly log: string[] = [];
  private readonly names = new Map<number, string>();
  /** Executions whose waitLock is blocking: they must do nothing more until started over. */
  private readonly blocked = new Set<number>();
  constructor(private readonly w: World) {}

  _tick(method: string): void {
    const id = this.current;
    if (id === 0) return;
    if (this.blocked.has(id)) throw new Error(`fake: ${this.names.get(id)} called ${method} while its waitLock was still waiting`);
    const n = (this.calls.get(id) ?? 0) + 1;
    this.calls.set(id, n);
    if (STATE_READS.has(method) && !this.holdsAnyLock(id)) this.reads.get(id)?.push(method);
    const due = this.preemptions.filter((p) => p.execution === id && p.at === n);
    for (const p of due) {
      this.preemptions.splice(this.preemptions.indexOf(p), 1);
      this.log.push(`${p.name} starts during ${this.names.get(id)}'s call ${n} (${method})`);
      this.run(p.name, p.run);
    }
  }

  private holdsAnyLock(id: number): boolean {
    return this.w.lockStats.some((s) => s.holder === id);
  }

  /**
   * Runs `fn` as a new execution named `name`; `during` start inside it at its n-th service call.
   * An execution that has to wait for a lock is finished later, when the lock is released.
   */
  run(name: string, fn: () => void, during: { at: number; name: string; run: () => void }[] = []): void {
    const id = this.next++;
    const saved = this.current;
    this.current = id;
    this.names.set(id, name);
    this.calls.set(id, 0);
    this.reads.set(id, []);
    for (const d of during) this.preemptions.push({ execution: id, at: d.at, run: d.run, name: d.name });
    try {
      fn();
      this.log.push(`${name} done`);
    } catch (error) {
      // The code may catch the wait and throw its own error; blocked is blocked all the same.
      const wait = error instanceof LockWait ? error : this.blockedOn.get(id);
      if (!wait) throw error;
      const early = this.reads.get(id) ?? [];
      if (early.length) throw new Error(`fake: ${name} read ${early.join(', ')} before waiting for the lock; starting it over would hide a race`);
      this.log.push(`${name} waits for the lock`);
      this.waiting.push({ stats: wait.stats, run: fn, name });
    } finally {
      this.blocked.delete(id);
      this.blockedOn.delete(id);
      this.current = saved;
      // Preemption points the execution never reached are dropped with it.
      for (let i = this.preemptions.length - 1; i >= 0; i--) if (this.preemptions[i].execution === id) this.preemptions.splice(i, 1);
    }
  }

  /** Called by a lock's release: executions waiting for it start now, in the order they queued. */
  _released(stats: LockStats): void {
    const queued = this.waiting.filter((q) => q.stats === stats);
    for (const q of queued) {
      this.waiting.splice(this.waiting.indexOf(q), 1);
      this.run(q.name, q.run);
    }
  }

  private readonly blockedOn = new Map<number, LockWait>();

  _wait(stats: LockStats): never {
    const wait = new LockWait(stats);
    this.blocked.add(this.current);
    this.blockedOn.set(this.current, wait);
    throw wait;
  }

  /** Executions still waiting: none once every lock is released. */
  pending(): string[] {
    return this.waiting.map((q) => q.name);
  }
}

const NOT_COUNTED = new Set(['constructor', 'toString', 'valueOf', 'toJSON', 'inspect']);

class World {
  readonly counter = new ServiceCounter();
  readonly executions = new Executions(this);
  readonly ui = new UiLog();
  private readonly proxies = new WeakMap<object, object>();
  private readonly targets = new WeakMap<object, object>();
  private nextId = 1;
  dateCtor: DateConstructor = Date;
  lockStats: LockStats[] = [];
  timeZone = 'Europe/Amsterdam';
  activeUserEmail = 'gebruiker@example.org';
  effectiveUserEmail = 'gebruiker@example.org';
  ownerEmail = 'gebruiker@example.org';

  /** The counted face of a fake object; internal code keeps using the raw object. */
  wrap<T extends object>(target: T, type: string): T {
    const cached = this.proxies.get(target);
    if (cached) return cached as T;
    const counter = this.counter;
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const world = this;
    const proxy = new Proxy(target, {
      get(t, prop) {
        const value = Reflect.get(t, prop, t);
        if (typeof value !== 'function' || typeof prop !== 'string' || prop.startsWith('_') || NOT_COUNTED.has(prop)) return value;
        return function counted(...args: unknown[]) {
          counter._count(`${type}.${prop}`);
          if (!counter.paused()) world.executions._tick(`${type}.${prop}`);
          return (value as (...a: unknown[]) => unknown).apply(t, args);
        };
      },
    });
    this.proxies.set(target, proxy);
    this.targets.set(proxy, target);
    return proxy;
  }
  unwrap<T extends object>(maybeProxy: T): T {
    return (this.targets.get(maybeProxy) as T | undefined) ?? maybeProxy;
  }
  id(): number {
    return this.nextId++;
  }
  isDate(v: unknown): v is Date {
    return Object.prototype.toString.call(v) === '[object Date]';
  }
  copyDate(d: Date): Date {
    return new this.dateCtor(d.getTime());
  }
}

// ---------------------------------------------------------------------------------------------
// UI log

export interface MenuItemRecord {
  kind: 'item' | 'separator' | 'submenu';
  caption?: string;
  functionName?: string;
  submenu?: MenuRecord;
}
export interface MenuRecord {
  title: string;
  addon: boolean;
  items: MenuItemRecord[];
}

export class UiLog {
  readonly toasts: { message: string; title: string; timeoutSeconds: number | undefined }[] = [];
  readonly alerts: { title: string; prompt: string; buttons: string }[] = [];
  readonly prompts: { title: string; prompt: string; buttons: string }[] = [];
  readonly menus: MenuRecord[] = [];
  readonly sidebars: { html: unknown }[] = [];
  readonly dialogs: { html: unknown; title: string; modal: boolean }[] = [];
  /** Answers for the next alert() calls (a Button); OK when none left. */
  readonly alertAnswers: string[] = [];
  /** Answers for the next prompt() calls; [text, button]. */
  readonly promptAnswers: { text: string; button?: string }[] = [];
}

// ---------------------------------------------------------------------------------------------
// Enums (plain strings: code compares them by identity with the enum members, as in Apps Script)

export const ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' } as const;
export const Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' } as const;
export const ProtectionType = { RANGE: 'RANGE', SHEET: 'SHEET' } as const;
export const DataValidationCriteria = {
  VALUE_IN_LIST: 'VALUE_IN_LIST',
  VALUE_IN_RANGE: 'VALUE_IN_RANGE',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  DATE_IS_VALID_DATE: 'DATE_IS_VALID_DATE',
  CHECKBOX: 'CHECKBOX',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
} as const;
export const BooleanCriteria = {
  CELL_EMPTY: 'CELL_EMPTY',
  CELL_NOT_EMPTY: 'CELL_NOT_EMPTY',
  TEXT_EQUAL_TO: 'TEXT_EQUAL_TO',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
} as const;
export const AuthMode = { NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' } as const;
export const EventType = { CLOCK: 'CLOCK', ON_OPEN: 'ON_OPEN', ON_EDIT: 'ON_EDIT', ON_CHANGE: 'ON_CHANGE', ON_FORM_SUBMIT: 'ON_FORM_SUBMIT' } as const;
export const TriggerSource = { SPREADSHEETS: 'SPREADSHEETS', CLOCK: 'CLOCK' } as const;

// ---------------------------------------------------------------------------------------------
// Sparse 2-D layers: one per cell property (values, formats, notes, ...)

class Layer<T> {
  rows: (T[] | undefined)[] = [];
  constructor(private readonly blank: T) {}
  get(r: number, c: number): T {
    const row = this.rows[r];
    if (!row) return this.blank;
    const v = row[c];
    return v === undefined ? this.blank : v;
  }
  set(r: number, c: number, v: T): void {
    let row = this.rows[r];
    if (!row) {
      if (v === this.blank) return;
      row = this.rows[r] = [];
    }
    row[c] = v;
  }
  insertRows(at: number, n: number): void {
    if (at >= this.rows.length) return;
    // concat, not splice(...spread): growing by 100k rows must not overflow the argument list
    this.rows = this.rows.slice(0, at).concat(new Array<T[] | undefined>(n).fill(undefined), this.rows.slice(at));
  }
  deleteRows(at: number, n: number): void {
    this.rows.splice(at, n);
  }
  insertColumns(at: number, n: number): void {
    for (const row of this.rows) if (row && at < row.length) row.splice(at, 0, ...new Array<T>(n).fill(this.blank));
  }
  deleteColumns(at: number, n: number): void {
    for (const row of this.rows) if (row) row.splice(at, n);
  }
  clear(): void {
    this.rows = [];
  }
}

// ---------------------------------------------------------------------------------------------
// Data validation

export class FakeDataValidation {
  constructor(
    private readonly w: World,
    readonly criteriaType: string,
    readonly criteriaValues: unknown[],
    readonly allowInvalid: boolean,
    readonly helpText: string,
  ) {}
  getCriteriaType(): string {
    return this.criteriaType;
  }
  getCriteriaValues(): unknown[] {
    return [...this.criteriaValues];
  }
  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }
  getHelpText(): string {
    return this.helpText;
  }
  copy(): FakeDataValidationBuilder {
    const b = new FakeDataValidationBuilder(this.w);
    b._init(this);
    return this.w.wrap(b, 'DataValidationBuilder');
  }
}

export class FakeDataValidationBuilder {
  private criteriaType = '';
  private criteriaValues: unknown[] = [];
  private allowInvalid = true; // Sheets' default: show a warning, keep the value
  private helpText = '';
  constructor(private readonly w: World) {}
  _init(from: FakeDataValidation): void {
    this.criteriaType = from.criteriaType;
    this.criteriaValues = [...from.criteriaValues];
    this.allowInvalid = from.allowInvalid;
    this.helpText = from.helpText;
  }
  requireValueInList(values: string[], showDropdown = true): this {
    if (!Array.isArray(values) || values.length === 0) throw new Error('The parameters (number[]) don\'t match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInList.');
    if (values.length > 500) throw new Error('The data validation rule has more than 500 items.');
    this.criteriaType = DataValidationCriteria.VALUE_IN_LIST;
    this.criteriaValues = [[...values], showDropdown];
    return this.w.wrap(this, 'DataValidationBuilder');
  }
  requireValueInRange(range: FakeRange, showDropdown = true): this {
    if (!range || !(this.w.unwrap(range) instanceof FakeRange)) throw new Error('Invalid argument: range');
    this.criteriaType = DataValidationCriteria.VALUE_IN_RANGE;
    this.criteriaValues = [range, showDropdown];
    return this.w.wrap(this, 'DataValidationBuilder');
  }
  requireNumberBetween(start: number, end: number): this {
    this.criteriaType = DataValidationCriteria.NUMBER_BETWEEN;
    this.criteriaValues = [start, end];
    return this.w.wrap(this, 'DataValidationBuilder');
  }
  requireDate(): this {
    this.criteriaType = DataValidationCriteria.DATE_IS_VALID_DATE;
    this.criteriaValues = [];
    return this.w.wrap(this, 'DataValidationBuilder');
  }
  setAllowInvalid(allow: boolean): this {
    this.allowInvalid = allow;
    return this.w.wrap(this, 'DataValidationBuilder');
  }
  setHelpText(text: string): this {
    this.helpText = text;
    return this.w.wrap(this, 'DataValidationBuilder');
  }
  build(): FakeDataValidation {
    if (!this.criteriaType) throw new Error('You must specify a criteria for the data validation rule.');
    return this.w.wrap(new FakeDataValidation(this.w, this.criteriaType, this.criteriaValues, this.allowInvalid, this.helpText), 'DataValidation');
  }
}

// ---------------------------------------------------------------------------------------------
// Conditional formatting (boolean conditions with a background; no gradients)

export class FakeBooleanCondition {
  constructor(
    readonly criteriaType: string,
    readonly criteriaValues: unknown[],
    readonly background: string | null,
  ) {}
  getCriteriaType(): string {
    return this.criteriaType;
  }
  getCriteriaValues(): unknown[] {
    return [...this.criteriaValues];
  }
  getBackground(): string | null {
    return this.background;
  }
  getFontColor(): string | null {
    return null;
  }
  getBold(): boolean | null {
    return null;
  }
}

export class FakeConditionalFormatRule {
  constructor(
    private readonly w: World,
    readonly condition: FakeBooleanCondition,
    /** Raw ranges (not proxies). */
    readonly ranges: FakeRange[],
  ) {}
  getBooleanCondition(): FakeBooleanCondition {
    return this.w.wrap(this.condition, 'BooleanCondition');
  }
  getGradientCondition(): null {
    return null;
  }
  getRanges(): FakeRange[] {
    return this.ranges.map((r) => this.w.wrap(r, 'Range'));
  }
  copy(): FakeConditionalFormatRuleBuilder {
    const b = new FakeConditionalFormatRuleBuilder(this.w);
    b._init(this);
    return this.w.wrap(b, 'ConditionalFormatRuleBuilder');
  }
}

export class FakeConditionalFormatRuleBuilder {
  private criteriaType = '';
  private criteriaValues: unknown[] = [];
  private background: string | null = null;
  private ranges: FakeRange[] = [];
  constructor(private readonly w: World) {}
  _init(from: FakeConditionalFormatRule): void {
    this.criteriaType = from.condition.criteriaType;
    this.criteriaValues = [...from.condition.criteriaValues];
    this.background = from.condition.background;
    this.ranges = [...from.ranges];
  }
  private self(): this {
    return this.w.wrap(this, 'ConditionalFormatRuleBuilder');
  }
  whenFormulaSatisfied(formula: string): this {
    // The Sheets editor refuses a custom formula without its leading `=`; catch the xlsx habit of leaving it out.
    if (typeof formula !== 'string' || !formula.startsWith('=')) throw new Error(`Invalid formula: ${String(formula)}`);
    this.criteriaType = BooleanCriteria.CUSTOM_FORMULA;
    this.criteriaValues = [formula];
    return this.self();
  }
  whenTextEqualTo(text: string): this {
    this.criteriaType = BooleanCriteria.TEXT_EQUAL_TO;
    this.criteriaValues = [String(text)];
    return this.self();
  }
  whenCellEmpty(): this {
    this.criteriaType = BooleanCriteria.CELL_EMPTY;
    this.criteriaValues = [];
    return this.self();
  }
  whenCellNotEmpty(): this {
    this.criteriaType = BooleanCriteria.CELL_NOT_EMPTY;
    this.criteriaValues = [];
    return this.self();
  }
  setBackground(color: string | null): this {
    this.background = color;
    return this.self();
  }
  setRanges(ranges: FakeRange[]): this {
    if (!Array.isArray(ranges)) throw new Error("The parameters don't match the method signature for SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges.");
    this.ranges = ranges.map((r) => {
      const raw = this.w.unwrap(r);
      if (!(raw instanceof FakeRange)) throw new Error('Invalid argument: ranges');
      return raw;
    });
    return this.self();
  }
  getRanges(): FakeRange[] {
    return this.ranges.map((r) => this.w.wrap(r, 'Range'));
  }
  build(): FakeConditionalFormatRule {
    if (!this.criteriaType) throw new Error('A conditional format rule needs a condition.');
    const condition = new FakeBooleanCondition(this.criteriaType, this.criteriaValues, this.background);
    return this.w.wrap(new FakeConditionalFormatRule(this.w, condition, [...this.ranges]), 'ConditionalFormatRule');
  }
}

// ---------------------------------------------------------------------------------------------
// Protection

export class FakeUser {
  constructor(private readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
}

interface Area {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export class FakeProtection {
  description = '';
  readonly editors = new Set<string>();
  warningOnly = false;
  domainEdit = false;
  removed = false;
  constructor(
    private readonly w: World,
    readonly sheet: FakeSheet,
    /** null: the whole sheet. Kept on positions when rows are sorted, shifted on insert/delete. */
    public area: Area | null,
  ) {
    for (const e of [w.ownerEmail, w.effectiveUserEmail]) if (e) this.editors.add(e.toLowerCase());
  }
  setDescription(text: string): FakeProtection {
    this.description = text;
    return this.w.wrap(this, 'Protection');
  }
  getDescription(): string {
    return this.description;
  }
  addEditor(user: string | FakeUser): FakeProtection {
    this.editors.add(this.email(user));
    return this.w.wrap(this, 'Protection');
  }
  addEditors(users: string[]): FakeProtection {
    for (const u of users) this.editors.add(this.email(u));
    return this.w.wrap(this, 'Protection');
  }
  removeEditor(user: string | FakeUser): FakeProtection {
    const e = this.email(user);
    if (e !== this.w.ownerEmail.toLowerCase()) this.editors.delete(e); // the owner always stays
    return this.w.wrap(this, 'Protection');
  }
  removeEditors(users: (string | FakeUser)[]): FakeProtection {
    for (const u of users) this.removeEditor(u);
    return this.w.wrap(this, 'Protection');
  }
  getEditors(): FakeUser[] {
    return [...this.editors].sort().map((e) => this.w.wrap(new FakeUser(e), 'User'));
  }
  setWarningOnly(warningOnly: boolean): FakeProtection {
    this.warningOnly = warningOnly;
    return this.w.wrap(this, 'Protection');
  }
  isWarningOnly(): boolean {
    return this.warningOnly;
  }
  setDomainEdit(domainEdit: boolean): FakeProtection {
    this.domainEdit = domainEdit;
    return this.w.wrap(this, 'Protection');
  }
  canDomainEdit(): boolean {
    return this.domainEdit;
  }
  canEdit(): boolean {
    return this.warningOnly || this.editors.has(this.w.activeUserEmail.toLowerCase());
  }
  getProtectionType(): string {
    return this.area ? ProtectionType.RANGE : ProtectionType.SHEET;
  }
  getRange(): FakeRange {
    const a = this.area ?? { row: 1, column: 1, numRows: this.sheet.maxRows, numColumns: this.sheet.maxColumns };
    return this.sheet._range(a.row, a.column, a.numRows, a.numColumns);
  }
  remove(): void {
    this.removed = true;
  }
  private email(user: string | FakeUser): string {
    return (typeof user === 'string' ? user : this.w.unwrap(user).getEmail()).toLowerCase();
  }
}

// ---------------------------------------------------------------------------------------------
// Range

function a1Column(index1: number): string {
  return columnLetter(index1 - 1);
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export class FakeRange {
  constructor(
    private readonly w: World,
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly column: number,
    readonly numRows: number,
    readonly numColumns: number,
  ) {}

  private each(fn: (r: number, c: number) => void): void {
    for (let r = 0; r < this.numRows; r++) for (let c = 0; c < this.numColumns; c++) fn(this.row - 1 + r, this.column - 1 + c);
  }
  private grid<T>(fn: (r: number, c: number) => T): T[][] {
    const out: T[][] = new Array(this.numRows);
    for (let r = 0; r < this.numRows; r++) {
      const line: T[] = new Array(this.numColumns);
      for (let c = 0; c < this.numColumns; c++) line[c] = fn(this.row - 1 + r, this.column - 1 + c);
      out[r] = line;
    }
    return out;
  }
  private self(): FakeRange {
    return this.w.wrap(this, 'Range');
  }
  private checkShape(data: unknown, what: string): asserts data is unknown[][] {
    if (!Array.isArray(data)) throw new Error(`The parameters (${typeof data}) don't match the method signature for SpreadsheetApp.Range.${what}.`);
    if (data.length !== this.numRows) {
      throw new Error(`The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this.numRows}.`);
    }
    for (const line of data) {
      if (!Array.isArray(line) || line.length !== this.numColumns) {
        throw new Error(`The number of columns in the data does not match the number of columns in the range. The data has ${Array.isArray(line) ? line.length : 0} but the range has ${this.numColumns}.`);
      }
    }
  }

  getRow(): number {
    return this.row;
  }
  getColumn(): number {
    return this.column;
  }
  getLastRow(): number {
    return this.row + this.numRows - 1;
  }
  getLastColumn(): number {
    return this.column + this.numColumns - 1;
  }
  getNumRows(): number {
    return this.numRows;
  }
  getNumColumns(): number {
    return this.numColumns;
  }
  getSheet(): FakeSheet {
    return this.w.wrap(this.sheet, 'Sheet');
  }
  getA1Notation(): string {
    const start = `${a1Column(this.column)}${this.row}`;
    if (this.numRows === 1 && this.numColumns === 1) return start;
    return `${start}:${a1Column(this.column + this.numColumns - 1)}${this.row + this.numRows - 1}`;
  }

  getValues(): Value[][] {
    // Hot path for 100k-row benchmarks: walk the stored rows directly.
    const rows = this.sheet.values.rows;
    const out: Value[][] = new Array(this.numRows);
    for (let r = 0; r < this.numRows; r++) {
      const stored = rows[this.row - 1 + r];
      const line: Value[] = new Array(this.numColumns);
      for (let c = 0; c < this.numColumns; c++) {
        const v = stored ? stored[this.column - 1 + c] : undefined;
        line[c] = v === undefined ? '' : typeof v === 'object' ? this.w.copyDate(v) : v;
      }
      out[r] = line;
    }
    return out;
  }
  getValue(): Value {
    return this.sheet._value(this.row - 1, this.column - 1);
  }
  getFormula(): string {
    return this.sheet.formulas.get(this.row - 1, this.column - 1);
  }
  getFormulas(): string[][] {
    return this.grid((r, c) => this.sheet.formulas.get(r, c));
  }
  getDisplayValues(): string[][] {
    return this.grid((r, c) => this.sheet._display(r, c));
  }
  getDisplayValue(): string {
    return this.sheet._display(this.row - 1, this.column - 1);
  }
  setValues(values: unknown[][]): FakeRange {
    this.checkShape(values, 'setValues');
    for (let r = 0; r < this.numRows; r++) {
      const line = values[r];
      for (let c = 0; c < this.numColumns; c++) this.sheet._setValue(this.row - 1 + r, this.column - 1 + c, line[c]);
    }
    return this.self();
  }
  setValue(value: unknown): FakeRange {
    this.each((r, c) => this.sheet._setValue(r, c, value));
    return this.self();
  }
  clear(): FakeRange {
    this.each((r, c) => {
      this.sheet.values.set(r, c, '');
      this.sheet.formulas.set(r, c, '');
      this.sheet.formats.set(r, c, '');
      this.sheet.fontWeights.set(r, c, '');
      this.sheet.backgrounds.set(r, c, '');
    });
    return this.self();
  }
  clearContent(): FakeRange {
    this.each((r, c) => {
      this.sheet.values.set(r, c, '');
      this.sheet.formulas.set(r, c, '');
    });
    return this.self();
  }
  clearFormat(): FakeRange {
    this.each((r, c) => this.sheet.formats.set(r, c, ''));
    return this.self();
  }
  clearDataValidations(): FakeRange {
    this.each((r, c) => this.sheet.validations.set(r, c, null));
    return this.self();
  }
  clearNote(): FakeRange {
    this.each((r, c) => this.sheet.notes.set(r, c, ''));
    return this.self();
  }
  setNumberFormat(format: string): FakeRange {
    this.each((r, c) => this.sheet.formats.set(r, c, format));
    return this.self();
  }
  setNumberFormats(formats: string[][]): FakeRange {
    this.checkShape(formats, 'setNumberFormats');
    this.each((r, c) => this.sheet.formats.set(r, c, String(formats[r - this.row + 1][c - this.column + 1])));
    return this.self();
  }
  /** Sheets' default number format for an unformatted cell. */
  getNumberFormat(): string {
    return this.sheet.formats.get(this.row - 1, this.column - 1) || '0.###############';
  }
  getNumberFormats(): string[][] {
    return this.grid((r, c) => this.sheet.formats.get(r, c) || '0.###############');
  }
  setDataValidation(rule: FakeDataValidation | null): FakeRange {
    const raw = rule ? this.w.unwrap(rule) : null;
    this.each((r, c) => this.sheet.validations.set(r, c, raw));
    return this.self();
  }
  setDataValidations(rules: (FakeDataValidation | null)[][]): FakeRange {
    this.checkShape(rules, 'setDataValidations');
    this.each((r, c) => {
      const rule = rules[r - this.row + 1][c - this.column + 1];
      this.sheet.validations.set(r, c, rule ? this.w.unwrap(rule) : null);
    });
    return this.self();
  }
  getDataValidation(): FakeDataValidation | null {
    const rule = this.sheet.validations.get(this.row - 1, this.column - 1);
    return rule ? this.w.wrap(rule, 'DataValidation') : null;
  }
  getDataValidations(): (FakeDataValidation | null)[][] {
    return this.grid((r, c) => {
      const rule = this.sheet.validations.get(r, c);
      return rule ? this.w.wrap(rule, 'DataValidation') : null;
    });
  }
  setNote(note: string | null): FakeRange {
    this.each((r, c) => this.sheet.notes.set(r, c, note ?? ''));
    return this.self();
  }
  getNote(): string {
    return this.sheet.notes.get(this.row - 1, this.column - 1);
  }
  getNotes(): string[][] {
    return this.grid((r, c) => this.sheet.notes.get(r, c));
  }
  setFontWeight(weight: string | null): FakeRange {
    this.each((r, c) => this.sheet.fontWeights.set(r, c, weight === 'normal' || weight === null ? '' : weight));
    return this.self();
  }
  getFontWeight(): string {
    return this.sheet.fontWeights.get(this.row - 1, this.column - 1) || 'normal';
  }
  getFontWeights(): string[][] {
    return this.grid((r, c) => this.sheet.fontWeights.get(r, c) || 'normal');
  }
  setBackground(color: string | null): FakeRange {
    this.each((r, c) => this.sheet.backgrounds.set(r, c, color ?? ''));
    return this.self();
  }
  getBackground(): string {
    return this.sheet.backgrounds.get(this.row - 1, this.column - 1) || '#ffffff';
  }
  setWrap(_wrap: boolean): FakeRange {
    return this.self();
  }
  protect(): FakeProtection {
    const p = new FakeProtection(this.w, this.sheet, { row: this.row, column: this.column, numRows: this.numRows, numColumns: this.numColumns });
    this.sheet.protections.push(p);
    return this.w.wrap(p, 'Protection');
  }
  activate(): FakeRange {
    this.sheet.spreadsheet.active = this.sheet;
    return this.self();
  }
}

// ---------------------------------------------------------------------------------------------
// Sheet

export class FakeSheet {
  readonly values = new Layer<Value>('');
  readonly formats = new Layer<string>('');
  readonly validations = new Layer<FakeDataValidation | null>(null);
  readonly notes = new Layer<string>('');
  readonly fontWeights = new Layer<string>('');
  readonly backgrounds = new Layer<string>('');
  /** Text written with a leading `=` becomes a formula in Sheets; kept here so tests can catch it. */
  readonly formulas = new Layer<string>('');
  readonly protections: FakeProtection[] = [];
  readonly columnWidths = new Map<number, number>();
  conditionalFormatRules: unknown[] = [];
  frozenRows = 0;
  frozenColumns = 0;
  maxRows = 1000;
  maxColumns = 26;
  readonly sheetId: number;

  constructor(
    private readonly w: World,
    readonly spreadsheet: FakeSpreadsheet,
    public name: string,
  ) {
    this.sheetId = w.id();
  }

  private self(): FakeSheet {
    return this.w.wrap(this, 'Sheet');
  }
  private layers(): Layer<unknown>[] {
    return [this.values, this.formats, this.validations, this.notes, this.fontWeights, this.backgrounds, this.formulas] as Layer<unknown>[];
  }

  _value(r: number, c: number): Value {
    const v = this.values.get(r, c);
    return this.w.isDate(v) ? this.w.copyDate(v) : v;
  }
  _setValue(r: number, c: number, value: unknown): void {
    const isFormula = typeof value === 'string' && value.length > 1 && value.startsWith('=');
    this.formulas.set(r, c, isFormula ? value : '');
    this.values.set(r, c, this._normalise(value));
  }
  /** What Sheets stores for a written value. */
  _normalise(value: unknown): Value {
    if (value === null || value === undefined) return '';
    if (this.w.isDate(value)) return this.w.copyDate(value);
    if (typeof value === 'number') return Number.isFinite(value) ? value : '#NUM!';
    if (typeof value === 'boolean') return value;
    const text = String(value);
    // A leading apostrophe forces text and is not part of the value, as when typed.
    return text.startsWith("'") ? text.slice(1) : text;
  }
  _display(r: number, c: number): string {
    const v = this.values.get(r, c);
    const format = this.formats.get(r, c);
    if (this.w.isDate(v)) {
      const parts = new Intl.DateTimeFormat('en-GB', { timeZone: this.spreadsheet.timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(v);
      const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
      const day = `${get('day')}-${get('month')}-${get('year')}`;
      return /h/.test(format) ? `${day} ${get('hour')}:${get('minute')}` : day;
    }
    if (typeof v === 'number') {
      if (format.includes('%')) return `${(v * 100).toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;
      if (format.includes('€')) return `€ ${v.toLocaleString('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
      if (format === '0') return String(Math.round(v));
      return String(v);
    }
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    return v;
  }
  _range(row: number, column: number, numRows: number, numColumns: number): FakeRange {
    return this.w.wrap(new FakeRange(this.w, this, row, column, numRows, numColumns), 'Range');
  }
  _lastRow(): number {
    const rows = this.values.rows;
    for (let r = rows.length - 1; r >= 0; r--) {
      const line = rows[r];
      if (line && line.some((v) => v !== '' && v !== undefined)) return r + 1;
    }
    return 0;
  }
  _lastColumn(): number {
    let last = 0;
    for (const line of this.values.rows) {
      if (!line) continue;
      for (let c = line.length - 1; c >= last; c--) {
        if (line[c] !== '' && line[c] !== undefined) {
          last = c + 1;
          break;
        }
      }
    }
    return last;
  }

  getName(): string {
    return this.name;
  }
  setName(name: string): FakeSheet {
    if (this.spreadsheet.sheets.some((s) => s !== this && s.name.toLowerCase() === name.toLowerCase())) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    this.name = name;
    return this.self();
  }
  getSheetId(): number {
    return this.sheetId;
  }
  getParent(): FakeSpreadsheet {
    return this.w.wrap(this.spreadsheet, 'Spreadsheet');
  }
  getIndex(): number {
    return this.spreadsheet.sheets.indexOf(this) + 1;
  }

  getRange(a1OrRow: string | number, column?: number, numRows?: number, numColumns?: number): FakeRange {
    if (typeof a1OrRow === 'string') {
      const a = this._parseA1(a1OrRow);
      return this.getRangeInternal(a.row, a.column, a.numRows, a.numColumns);
    }
    if (column === undefined) throw new Error('The parameters (number) don\'t match the method signature for SpreadsheetApp.Sheet.getRange.');
    return this.getRangeInternal(a1OrRow, column, numRows ?? 1, numColumns ?? 1);
  }
  private getRangeInternal(row: number, column: number, numRows: number, numColumns: number): FakeRange {
    for (const n of [row, column, numRows, numColumns]) {
      if (!Number.isInteger(n)) throw new Error(`Cannot convert '${n}' to int.`);
    }
    if (numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (numColumns < 1) throw new Error('The number of columns in the range must be at least 1.');
    if (row < 1) throw new Error('The starting row of the range is too small.');
    if (column < 1) throw new Error('The starting column of the range is too small.');
    if (row + numRows - 1 > this.maxRows || column + numColumns - 1 > this.maxColumns) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return this._range(row, column, numRows, numColumns);
  }
  _parseA1(a1: string): Area {
    const m = /^\s*(?:(?:'[^']*'|[^!]*)!)?([A-Za-z]*)(\d*)(?::([A-Za-z]*)(\d*))?\s*$/.exec(a1);
    if (!m || (!m[1] && !m[2])) throw new Error(`Range not found: ${a1}`);
    const [, c1, r1, c2, r2] = m;
    const single = m[3] === undefined && m[4] === undefined;
    const startCol = c1 ? columnIndex(c1) : 1;
    const startRow = r1 ? Number(r1) : 1;
    const endCol = single ? startCol : c2 ? columnIndex(c2) : c1 && !r1 ? startCol : this.maxColumns;
    const endRow = single ? startRow : r2 ? Number(r2) : this.maxRows;
    if (single && (!c1 || !r1)) throw new Error(`Range not found: ${a1}`);
    return { row: Math.min(startRow, endRow), column: Math.min(startCol, endCol), numRows: Math.abs(endRow - startRow) + 1, numColumns: Math.abs(endCol - startCol) + 1 };
  }
  getDataRange(): FakeRange {
    return this._range(1, 1, Math.max(1, this._lastRow()), Math.max(1, this._lastColumn()));
  }
  /**
   * Writes one row after the last row with content, growing the sheet when needed, as one step: two
   * executions appending at once get a row each (Sheets' append is atomic; getLastRow + setValues is not).
   */
  appendRow(rowContents: unknown[]): FakeSheet {
    const at = this._lastRow() + 1;
    if (at > this.maxRows) this.maxRows = at;
    if (rowContents.length > this.maxColumns) this.maxColumns = rowContents.length;
    rowContents.forEach((v, c) => this._setValue(at - 1, c, v));
    return this.self();
  }
  getLastRow(): number {
    return this._lastRow();
  }
  getLastColumn(): number {
    return this._lastColumn();
  }
  getMaxRows(): number {
    return this.maxRows;
  }
  getMaxColumns(): number {
    return this.maxColumns;
  }

  insertRowsAfter(afterPosition: number, howMany: number): FakeSheet {
    if (!Number.isInteger(afterPosition) || afterPosition < 1 || afterPosition > this.maxRows) throw new Error('Those rows are out of bounds.');
    if (!Number.isInteger(howMany) || howMany < 1) throw new Error('The number of rows to insert must be at least 1.');
    for (const layer of this.layers()) layer.insertRows(afterPosition, howMany);
    this.maxRows += howMany;
    for (const p of this.protections) if (p.area && p.area.row > afterPosition) p.area = { ...p.area, row: p.area.row + howMany };
    return this.self();
  }
  insertRowsBefore(beforePosition: number, howMany: number): FakeSheet {
    if (beforePosition === 1) {
      for (const layer of this.layers()) layer.insertRows(0, howMany);
      this.maxRows += howMany;
      for (const p of this.protections) if (p.area) p.area = { ...p.area, row: p.area.row + howMany };
      return this.self();
    }
    return this.insertRowsAfter(beforePosition - 1, howMany);
  }
  insertColumnsAfter(afterPosition: number, howMany: number): FakeSheet {
    if (!Number.isInteger(afterPosition) || afterPosition < 1 || afterPosition > this.maxColumns) throw new Error('Those columns are out of bounds.');
    if (!Number.isInteger(howMany) || howMany < 1) throw new Error('The number of columns to insert must be at least 1.');
    for (const layer of this.layers()) layer.insertColumns(afterPosition, howMany);
    this.maxColumns += howMany;
    for (const p of this.protections) if (p.area && p.area.column > afterPosition) p.area = { ...p.area, column: p.area.column + howMany };
    return this.self();
  }
  deleteRows(rowPosition: number, howMany: number): void {
    if (!Number.isInteger(rowPosition) || rowPosition < 1 || !Number.isInteger(howMany) || howMany < 1 || rowPosition + howMany - 1 > this.maxRows) {
      throw new Error('Those rows are out of bounds.');
    }
    if (howMany >= this.maxRows) throw new Error("You can't delete all the rows on the sheet.");
    for (const layer of this.layers()) layer.deleteRows(rowPosition - 1, howMany);
    this.maxRows -= howMany;
    for (const p of this.protections) {
      if (!p.area) continue;
      const end = p.area.row + p.area.numRows - 1;
      const delEnd = rowPosition + howMany - 1;
      if (p.area.row > delEnd) p.area = { ...p.area, row: p.area.row - howMany };
      else if (end >= rowPosition) {
        const kept = p.area.numRows - (Math.min(end, delEnd) - Math.max(p.area.row, rowPosition) + 1);
        if (kept <= 0) p.removed = true;
        else p.area = { ...p.area, row: Math.min(p.area.row, rowPosition), numRows: kept };
      }
    }
  }
  deleteRow(rowPosition: number): FakeSheet {
    this.deleteRows(rowPosition, 1);
    return this.self();
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    if (columnPosition < 1 || howMany < 1 || columnPosition + howMany - 1 > this.maxColumns) throw new Error('Those columns are out of bounds.');
    if (howMany >= this.maxColumns) throw new Error("You can't delete all the columns on the sheet.");
    for (const layer of this.layers()) layer.deleteColumns(columnPosition - 1, howMany);
    this.maxColumns -= howMany;
  }
  setFrozenRows(rows: number): void {
    this.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this.frozenRows;
  }
  setFrozenColumns(columns: number): void {
    this.frozenColumns = columns;
  }
  getFrozenColumns(): number {
    return this.frozenColumns;
  }
  clear(): FakeSheet {
    for (const layer of [this.values, this.formulas, this.formats, this.notes, this.fontWeights, this.backgrounds] as Layer<unknown>[]) layer.clear();
    return this.self();
  }
  clearContents(): FakeSheet {
    this.values.clear();
    this.formulas.clear();
    return this.self();
  }
  clearFormats(): FakeSheet {
    this.formats.clear();
    this.fontWeights.clear();
    this.backgrounds.clear();
    return this.self();
  }
  getProtections(type: string): FakeProtection[] {
    return this.protections.filter((p) => !p.removed && p.getProtectionType() === type).map((p) => this.w.wrap(p, 'Protection'));
  }
  protect(): FakeProtection {
    const existing = this.protections.find((p) => !p.removed && !p.area);
    if (existing) return this.w.wrap(existing, 'Protection'); // a sheet has at most one sheet protection
    const p = new FakeProtection(this.w, this, null);
    this.protections.push(p);
    return this.w.wrap(p, 'Protection');
  }
  setColumnWidth(column: number, width: number): FakeSheet {
    this.columnWidths.set(column, width);
    return this.self();
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): FakeSheet {
    for (let c = startColumn; c < startColumn + numColumns; c++) this.columnWidths.set(c, width);
    return this.self();
  }
  getColumnWidth(column: number): number {
    return this.columnWidths.get(column) ?? 100;
  }
  autoResizeColumns(startColumn: number, numColumns: number): FakeSheet {
    for (let c = startColumn; c < startColumn + numColumns; c++) this.columnWidths.set(c, 120);
    return this.self();
  }
  activate(): FakeSheet {
    this.spreadsheet.active = this;
    return this.self();
  }
  setConditionalFormatRules(rules: unknown[]): void {
    this.conditionalFormatRules = [...rules];
  }
  getConditionalFormatRules(): unknown[] {
    return [...this.conditionalFormatRules];
  }
  setTabColor(_color: string | null): FakeSheet {
    return this.self();
  }
  hideSheet(): FakeSheet {
    return this.self();
  }
}

// ---------------------------------------------------------------------------------------------
// Spreadsheet

export class FakeSpreadsheet {
  readonly sheets: FakeSheet[] = [];
  active: FakeSheet | null = null;
  locale = 'nl_NL';
  readonly id = 'fake-spreadsheet-id';

  constructor(
    private readonly w: World,
    public name: string,
    public timeZone: string,
    initialSheets: string[],
  ) {
    for (const n of initialSheets) this.sheets.push(new FakeSheet(w, this, n));
    this.active = this.sheets[0] ?? null;
  }
  private sheetProxy(s: FakeSheet | null): FakeSheet | null {
    return s ? this.w.wrap(s, 'Sheet') : null;
  }

  getId(): string {
    return this.id;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  getName(): string {
    return this.name;
  }
  rename(name: string): void {
    this.name = name;
  }
  getSpreadsheetTimeZone(): string {
    return this.timeZone;
  }
  setSpreadsheetTimeZone(timeZone: string): void {
    this.timeZone = timeZone;
  }
  getSpreadsheetLocale(): string {
    return this.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this.locale = locale;
  }
  getSheetByName(name: string): FakeSheet | null {
    // Sheets finds tabs case-insensitively.
    return this.sheetProxy(this.sheets.find((s) => s.name.toLowerCase() === String(name).toLowerCase()) ?? null);
  }
  getSheets(): FakeSheet[] {
    return this.sheets.map((s) => this.w.wrap(s, 'Sheet'));
  }
  getNumSheets(): number {
    return this.sheets.length;
  }
  insertSheet(name?: string, index?: number): FakeSheet {
    const sheetName = name ?? `Blad${this.sheets.length + 1}`;
    if (this.sheets.some((s) => s.name.toLowerCase() === sheetName.toLowerCase())) {
      throw new Error(`A sheet with the name "${sheetName}" already exists. Please enter another name.`);
    }
    const sheet = new FakeSheet(this.w, this, sheetName);
    // Without an index Sheets inserts after the active sheet.
    const at = index ?? (this.active ? this.sheets.indexOf(this.active) + 1 : this.sheets.length);
    this.sheets.splice(Math.max(0, Math.min(at, this.sheets.length)), 0, sheet);
    this.active = sheet;
    return this.w.wrap(sheet, 'Sheet');
  }
  deleteSheet(sheet: FakeSheet): void {
    const raw = this.w.unwrap(sheet);
    const i = this.sheets.indexOf(raw);
    if (i < 0) throw new Error('Sheet not found.');
    if (this.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this.sheets.splice(i, 1);
    if (this.active === raw) this.active = this.sheets[0];
  }
  getActiveSheet(): FakeSheet | null {
    return this.sheetProxy(this.active);
  }
  setActiveSheet(sheet: FakeSheet): FakeSheet {
    this.active = this.w.unwrap(sheet);
    return this.w.wrap(this.active, 'Sheet');
  }
  toast(message: string, title = '', timeoutSeconds?: number): void {
    this.w.ui.toasts.push({ message: String(message), title: String(title), timeoutSeconds });
  }
  getOwner(): FakeUser {
    return this.w.wrap(new FakeUser(this.w.ownerEmail), 'User');
  }
  getEditors(): FakeUser[] {
    return [this.w.wrap(new FakeUser(this.w.ownerEmail), 'User')];
  }
}

// ---------------------------------------------------------------------------------------------
// Ui

export class FakeMenu {
  readonly record: MenuRecord;
  constructor(
    private readonly w: World,
    title: string,
    addon: boolean,
  ) {
    this.record = { title, addon, items: [] };
  }
  addItem(caption: string, functionName: string): FakeMenu {
    this.record.items.push({ kind: 'item', caption, functionName });
    return this.w.wrap(this, 'Menu');
  }
  addSeparator(): FakeMenu {
    this.record.items.push({ kind: 'separator' });
    return this.w.wrap(this, 'Menu');
  }
  addSubMenu(menu: FakeMenu): FakeMenu {
    this.record.items.push({ kind: 'submenu', submenu: this.w.unwrap(menu).record });
    return this.w.wrap(this, 'Menu');
  }
  addToUi(): void {
    this.w.ui.menus.push(this.record);
  }
}

export class FakePromptResponse {
  constructor(
    private readonly text: string,
    private readonly button: string,
  ) {}
  getResponseText(): string {
    return this.text;
  }
  getSelectedButton(): string {
    return this.button;
  }
}

export class FakeUi {
  readonly ButtonSet = ButtonSet;
  readonly Button = Button;
  constructor(private readonly w: World) {}
  createMenu(title: string): FakeMenu {
    return this.w.wrap(new FakeMenu(this.w, title, false), 'Menu');
  }
  createAddonMenu(): FakeMenu {
    return this.w.wrap(new FakeMenu(this.w, 'Regiomonitor', true), 'Menu');
  }
  alert(a: string, b?: string, c?: string): string {
    const [title, prompt, buttons] = c !== undefined ? [a, b ?? '', c] : b !== undefined && b in ButtonSet ? ['', a, b] : ['', a, ButtonSet.OK];
    this.w.ui.alerts.push({ title, prompt, buttons });
    return this.w.ui.alertAnswers.shift() ?? Button.OK;
  }
  prompt(a: string, b?: string, c?: string): FakePromptResponse {
    const [title, prompt, buttons] = c !== undefined ? [a, b ?? '', c] : b !== undefined && b in ButtonSet ? ['', a, b] : b !== undefined ? [a, b, ButtonSet.OK] : ['', a, ButtonSet.OK];
    this.w.ui.prompts.push({ title, prompt, buttons });
    const answer = this.w.ui.promptAnswers.shift() ?? { text: '', button: Button.CANCEL };
    return this.w.wrap(new FakePromptResponse(answer.text, answer.button ?? Button.OK), 'PromptResponse');
  }
  showSidebar(html: unknown): void {
    this.w.ui.sidebars.push({ html });
  }
  showModalDialog(html: unknown, title: string): void {
    this.w.ui.dialogs.push({ html, title, modal: true });
  }
  showModelessDialog(html: unknown, title: string): void {
    this.w.ui.dialogs.push({ html, title, modal: false });
  }
}

// ---------------------------------------------------------------------------------------------
// SpreadsheetApp

export class FakeSpreadsheetApp {
  readonly ProtectionType = ProtectionType;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BooleanCriteria = BooleanCriteria;
  readonly ButtonSet = ButtonSet;
  readonly Button = Button;
  constructor(
    private readonly w: World,
    private readonly spreadsheet: FakeSpreadsheet,
  ) {}
  getActive(): FakeSpreadsheet {
    return this.w.wrap(this.spreadsheet, 'Spreadsheet');
  }
  getActiveSpreadsheet(): FakeSpreadsheet {
    return this.w.wrap(this.spreadsheet, 'Spreadsheet');
  }
  getActiveSheet(): FakeSheet | null {
    return this.spreadsheet.active ? this.w.wrap(this.spreadsheet.active, 'Sheet') : null;
  }
  getUi(): FakeUi {
    return this.w.wrap(new FakeUi(this.w), 'Ui');
  }
  newDataValidation(): FakeDataValidationBuilder {
    return this.w.wrap(new FakeDataValidationBuilder(this.w), 'DataValidationBuilder');
  }
  newConditionalFormatRule(): FakeConditionalFormatRuleBuilder {
    return this.w.wrap(new FakeConditionalFormatRuleBuilder(this.w), 'ConditionalFormatRuleBuilder');
  }
  flush(): void {}
}

// ---------------------------------------------------------------------------------------------
// LockService, Session, PropertiesService, ScriptApp

export class LockStats {
  waits = 0;
  tries = 0;
  acquired = 0;
  released = 0;
  /** The execution holding the lock (0: the test itself), or null. */
  holder: number | null = null;
  /** Set true to simulate another user holding the lock: waitLock throws, tryLock fails. */
  busy = false;
  get held(): boolean {
    return this.holder !== null;
  }
}

/**
 * A lock as one execution sees it. Held by another execution: a scheduled execution waits (see
 * Executions); the test itself cannot wait, so it times out, as it would after the wait.
 */
export class FakeLock {
  constructor(
    private readonly w: World,
    private readonly stats: LockStats,
  ) {}
  private takenByOther(): boolean {
    return this.stats.busy || (this.stats.holder !== null && this.stats.holder !== this.w.executions.current);
  }
  waitLock(_timeoutMs: number): void {
    this.stats.waits++;
    if (this.takenByOther()) {
      if (!this.stats.busy && this.w.executions.current !== 0) this.w.executions._wait(this.stats);
      throw new Error('Lock timeout: another process was holding the lock for too long.');
    }
    if (this.stats.holder === null) this.stats.acquired++;
    this.stats.holder = this.w.executions.current;
  }
  tryLock(_timeoutMs: number): boolean {
    this.stats.tries++;
    if (this.takenByOther()) return false;
    if (this.stats.holder === null) this.stats.acquired++;
    this.stats.holder = this.w.executions.current;
    return true;
  }
  releaseLock(): void {
    if (this.stats.holder === null || this.stats.holder !== this.w.executions.current) return;
    this.stats.released++;
    this.stats.holder = null;
    this.w.executions._released(this.stats);
  }
  hasLock(): boolean {
    return this.stats.holder === this.w.executions.current;
  }
}

export class FakeLockService {
  constructor(
    private readonly w: World,
    private readonly stats: { document: LockStats; script: LockStats; user: LockStats },
  ) {}
  getDocumentLock(): FakeLock {
    return this.w.wrap(new FakeLock(this.w, this.stats.document), 'Lock');
  }
  getScriptLock(): FakeLock {
    return this.w.wrap(new FakeLock(this.w, this.stats.script), 'Lock');
  }
  getUserLock(): FakeLock {
    return this.w.wrap(new FakeLock(this.w, this.stats.user), 'Lock');
  }
}

export class FakeSession {
  constructor(private readonly w: World) {}
  getActiveUser(): FakeUser {
    return this.w.wrap(new FakeUser(this.w.activeUserEmail), 'User');
  }
  getEffectiveUser(): FakeUser {
    return this.w.wrap(new FakeUser(this.w.effectiveUserEmail), 'User');
  }
  getScriptTimeZone(): string {
    return this.w.timeZone;
  }
  getActiveUserLocale(): string {
    return 'nl';
  }
  getTemporaryActiveUserKey(): string {
    return `key-${this.w.activeUserEmail}`;
  }
}

export class FakeProperties {
  readonly store = new Map<string, string>();
  constructor(private readonly w: World) {}
  getProperty(key: string): string | null {
    return this.store.get(key) ?? null;
  }
  setProperty(key: string, value: string): FakeProperties {
    this.store.set(key, String(value));
    return this.w.wrap(this, 'Properties');
  }
  setProperties(properties: Record<string, string>, deleteAllOthers = false): FakeProperties {
    if (deleteAllOthers) this.store.clear();
    for (const [k, v] of Object.entries(properties)) this.store.set(k, String(v));
    return this.w.wrap(this, 'Properties');
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.store);
  }
  getKeys(): string[] {
    return [...this.store.keys()];
  }
  deleteProperty(key: string): FakeProperties {
    this.store.delete(key);
    return this.w.wrap(this, 'Properties');
  }
  deleteAllProperties(): FakeProperties {
    this.store.clear();
    return this.w.wrap(this, 'Properties');
  }
}

/**
 * Properties as Apps Script scopes them: document and script properties are shared; user properties
 * belong to the user the script runs as (the effective user: for an installable trigger, whoever
 * installed it), so one user's execution never sees another's.
 */
export class FakePropertiesService {
  constructor(
    private readonly w: World,
    readonly stores: { document: FakeProperties; script: FakeProperties; users: Map<string, FakeProperties> },
  ) {}
  getDocumentProperties(): FakeProperties {
    return this.w.wrap(this.stores.document, 'Properties');
  }
  getScriptProperties(): FakeProperties {
    return this.w.wrap(this.stores.script, 'Properties');
  }
  getUserProperties(): FakeProperties {
    return this.w.wrap(this._userStore(this.w.effectiveUserEmail), 'Properties');
  }
  _userStore(email: string): FakeProperties {
    const key = email.trim().toLowerCase();
    let store = this.stores.users.get(key);
    if (!store) this.stores.users.set(key, (store = new FakeProperties(this.w)));
    return store;
  }
}

/** Utilities, for what the add-on uses of it: random UUIDs (Apps Script's come from a secure source too). */
export class FakeUtilities {
  getUuid(): string {
    return randomUUID();
  }
}

export interface TriggerRecord {
  uniqueId: string;
  handlerFunction: string;
  eventType: string;
  source: string;
  sourceId: string | null;
  everyDays?: number;
  everyHours?: number;
  atHour?: number;
  nearMinute?: number;
  timeZone?: string;
}

export class FakeTrigger {
  constructor(readonly record: TriggerRecord) {}
  getHandlerFunction(): string {
    return this.record.handlerFunction;
  }
  getEventType(): string {
    return this.record.eventType;
  }
  getUniqueId(): string {
    return this.record.uniqueId;
  }
  getTriggerSource(): string {
    return this.record.source;
  }
  getTriggerSourceId(): string | null {
    return this.record.sourceId;
  }
}

export class FakeSpreadsheetTriggerBuilder {
  private eventType = '';
  constructor(
    private readonly w: World,
    private readonly app: FakeScriptApp,
    private readonly handler: string,
    private readonly sourceId: string,
  ) {}
  private set(eventType: string): FakeSpreadsheetTriggerBuilder {
    this.eventType = eventType;
    return this.w.wrap(this, 'SpreadsheetTriggerBuilder');
  }
  onEdit(): FakeSpreadsheetTriggerBuilder {
    return this.set(EventType.ON_EDIT);
  }
  onOpen(): FakeSpreadsheetTriggerBuilder {
    return this.set(EventType.ON_OPEN);
  }
  onChange(): FakeSpreadsheetTriggerBuilder {
    return this.set(EventType.ON_CHANGE);
  }
  onFormSubmit(): FakeSpreadsheetTriggerBuilder {
    return this.set(EventType.ON_FORM_SUBMIT);
  }
  create(): FakeTrigger {
    if (!this.eventType) throw new Error('The trigger needs an event type.');
    return this.app._add({ handlerFunction: this.handler, eventType: this.eventType, source: TriggerSource.SPREADSHEETS, sourceId: this.sourceId });
  }
}

export class FakeClockTriggerBuilder {
  private readonly spec: Partial<TriggerRecord> = {};
  constructor(
    private readonly w: World,
    private readonly app: FakeScriptApp,
    private readonly handler: string,
  ) {}
  private self(): FakeClockTriggerBuilder {
    return this.w.wrap(this, 'ClockTriggerBuilder');
  }
  everyDays(n: number): FakeClockTriggerBuilder {
    this.spec.everyDays = n;
    return this.self();
  }
  everyHours(n: number): FakeClockTriggerBuilder {
    this.spec.everyHours = n;
    return this.self();
  }
  atHour(hour: number): FakeClockTriggerBuilder {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new Error('The hour must be between 0 and 23.');
    this.spec.atHour = hour;
    return this.self();
  }
  nearMinute(minute: number): FakeClockTriggerBuilder {
    this.spec.nearMinute = minute;
    return this.self();
  }
  inTimezone(timeZone: string): FakeClockTriggerBuilder {
    this.spec.timeZone = timeZone;
    return this.self();
  }
  create(): FakeTrigger {
    if (this.spec.everyDays === undefined && this.spec.everyHours === undefined) throw new Error('A time-based trigger needs a recurrence.');
    return this.app._add({ ...this.spec, handlerFunction: this.handler, eventType: EventType.CLOCK, source: TriggerSource.CLOCK, sourceId: null });
  }
}

export class FakeTriggerBuilder {
  constructor(
    private readonly w: World,
    private readonly app: FakeScriptApp,
    private readonly handler: string,
  ) {}
  forSpreadsheet(ss: FakeSpreadsheet | string): FakeSpreadsheetTriggerBuilder {
    const id = typeof ss === 'string' ? ss : this.w.unwrap(ss).id;
    return this.w.wrap(new FakeSpreadsheetTriggerBuilder(this.w, this.app, this.handler, id), 'SpreadsheetTriggerBuilder');
  }
  timeBased(): FakeClockTriggerBuilder {
    return this.w.wrap(new FakeClockTriggerBuilder(this.w, this.app, this.handler), 'ClockTriggerBuilder');
  }
}

export class FakeScriptApp {
  readonly AuthMode = AuthMode;
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly triggers: TriggerRecord[] = [];
  constructor(private readonly w: World) {}
  _add(spec: Omit<TriggerRecord, 'uniqueId'>): FakeTrigger {
    const record: TriggerRecord = { ...spec, uniqueId: `trigger-${this.w.id()}` };
    this.triggers.push(record);
    return this.w.wrap(new FakeTrigger(record), 'Trigger');
  }
  newTrigger(functionName: string): FakeTriggerBuilder {
    return this.w.wrap(new FakeTriggerBuilder(this.w, this, functionName), 'TriggerBuilder');
  }
  getProjectTriggers(): FakeTrigger[] {
    return this.triggers.map((t) => this.w.wrap(new FakeTrigger(t), 'Trigger'));
  }
  getUserTriggers(_ss: unknown): FakeTrigger[] {
    return this.getProjectTriggers();
  }
  deleteTrigger(trigger: FakeTrigger): void {
    const id = this.w.unwrap(trigger).getUniqueId();
    const i = this.triggers.findIndex((t) => t.uniqueId === id);
    if (i >= 0) this.triggers.splice(i, 1);
  }
  getScriptId(): string {
    return 'fake-script-id';
  }
}

// ---------------------------------------------------------------------------------------------
// Installation

export interface FakeOptions {
  /** Where to put the globals: globalThis (default) or a vm context's sandbox object. */
  target?: object;
  /** The Date constructor of the realm that reads the values (a vm context's `Date`). */
  dateConstructor?: DateConstructor;
  timeZone?: string;
  locale?: string;
  spreadsheetName?: string;
  /** Tabs of a fresh spreadsheet; Sheets in Dutch names the first one `Blad1`. */
  initialSheets?: string[];
  /** '' models a consumer account that does not reveal the user. */
  activeUserEmail?: string;
  effectiveUserEmail?: string;
  ownerEmail?: string;
}

export interface FakeHandles {
  SpreadsheetApp: FakeSpreadsheetApp;
  LockService: FakeLockService;
  Session: FakeSession;
  PropertiesService: FakePropertiesService;
  ScriptApp: FakeScriptApp;
  /** The active spreadsheet, counted like any other access. */
  spreadsheet: FakeSpreadsheet;
  counter: ServiceCounter;
  ui: UiLog;
  locks: { document: LockStats; script: LockStats; user: LockStats };
  /** `user`: the user properties of whoever is the effective user now (see __userProperties). */
  properties: { document: FakeProperties; script: FakeProperties; readonly user: FakeProperties };
  Utilities: FakeUtilities;
  /** The user properties of one user, whoever runs now. */
  __userProperties(email: string): FakeProperties;
  triggers: TriggerRecord[];
  /** Changes who Session reports as the active/effective user. */
  __setUser(activeEmail: string, effectiveEmail?: string): void;
  /** Concurrent executions (see Executions): `__executions.run(name, fn, [{ at, name, run }])`. */
  __executions: Executions;
  /** Removes the globals again. */
  uninstall(): void;
}

const GLOBAL_NAMES = ['SpreadsheetApp', 'LockService', 'Session', 'PropertiesService', 'ScriptApp', 'Utilities'] as const;

export function installAppsScriptFakes(options: FakeOptions = {}): FakeHandles {
  const w = new World();
  const target = (options.target ?? globalThis) as Record<string, unknown>;
  w.dateCtor = options.dateConstructor ?? Date;
  w.timeZone = options.timeZone ?? 'Europe/Amsterdam';
  w.activeUserEmail = options.activeUserEmail ?? 'gebruiker@example.org';
  w.effectiveUserEmail = options.effectiveUserEmail ?? w.activeUserEmail;
  w.ownerEmail = options.ownerEmail ?? (w.effectiveUserEmail || 'eigenaar@example.org');

  const ss = new FakeSpreadsheet(w, options.spreadsheetName ?? 'Regiomonitor test', w.timeZone, options.initialSheets ?? ['Blad1']);
  if (options.locale) ss.locale = options.locale;
  const locks = { document: new LockStats(), script: new LockStats(), user: new LockStats() };
  w.lockStats = [locks.document, locks.script, locks.user];
  const stores = { document: new FakeProperties(w), script: new FakeProperties(w), users: new Map<string, FakeProperties>() };
  const propertiesService = new FakePropertiesService(w, stores);
  const properties = {
    document: stores.document,
    script: stores.script,
    get user() {
      return propertiesService._userStore(w.effectiveUserEmail);
    },
  };
  const scriptApp = new FakeScriptApp(w);

  const globals = {
    SpreadsheetApp: w.wrap(new FakeSpreadsheetApp(w, ss), 'SpreadsheetApp'),
    LockService: w.wrap(new FakeLockService(w, locks), 'LockService'),
    Session: w.wrap(new FakeSession(w), 'Session'),
    PropertiesService: w.wrap(propertiesService, 'PropertiesService'),
    ScriptApp: w.wrap(scriptApp, 'ScriptApp'),
    Utilities: w.wrap(new FakeUtilities(), 'Utilities'),
  };
  const previous = new Map(GLOBAL_NAMES.map((n) => [n, Object.getOwnPropertyDescriptor(target, n)]));
  for (const n of GLOBAL_NAMES) target[n] = globals[n];

  return {
    ...globals,
    spreadsheet: w.wrap(ss, 'Spreadsheet'),
    counter: w.counter,
    ui: w.ui,
    locks,
    properties,
    triggers: scriptApp.triggers,
    __executions: w.executions,
    __userProperties: (email: string) => propertiesService._userStore(email),
    __setUser(activeEmail: string, effectiveEmail = activeEmail) {
      w.activeUserEmail = activeEmail;
      w.effectiveUserEmail = effectiveEmail;
    },
    uninstall() {
      for (const n of GLOBAL_NAMES) {
        const d = previous.get(n);
        if (d) Object.defineProperty(target, n, d);
        else delete target[n];
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Test helpers (no Apps Script counterpart; never counted)

function rawSheet(sheet: FakeSheet): FakeSheet {
  // A proxy forwards property reads to its target, so `values` etc. are the target's own.
  return sheet;
}

/** The values of a tab's used range, read without counting; null when the tab is absent. */
export function __values(spreadsheet: FakeSpreadsheet, name: string): Value[][] | null {
  const sheet = spreadsheet.sheets.find((s) => s.name === name);
  if (!sheet) return null;
  const rows = Math.max(1, sheet._lastRow());
  const cols = Math.max(1, sheet._lastColumn());
  const out: Value[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: Value[] = [];
    for (let c = 0; c < cols; c++) line.push(sheet._value(r, c));
    out.push(line);
  }
  return out;
}

/** Writes values at (row, column) without bounds checks or counting, growing the sheet as needed. */
export function __setValuesRaw(sheet: FakeSheet, row: number, column: number, values: unknown[][]): void {
  const s = rawSheet(sheet);
  let width = 0;
  for (const v of values) if (v.length > width) width = v.length;
  s.maxRows = Math.max(s.maxRows, row + values.length - 1);
  s.maxColumns = Math.max(s.maxColumns, column + width - 1);
  values.forEach((line, r) => line.forEach((v, c) => s._setValue(row - 1 + r, column - 1 + c, v)));
}

/**
 * Sorts the data rows (row `fromRow`..last) by `compare` over their values, as a user sorting the
 * sheet would: cell contents and formats move with the row, protections stay on their positions.
 */
export function __sortRows(sheet: FakeSheet, compare: (a: Value[], b: Value[]) => number, fromRow = 2): void {
  const s = rawSheet(sheet);
  const last = s._lastRow();
  if (last < fromRow) return;
  const layers = [s.values, s.formulas, s.formats, s.validations, s.notes, s.fontWeights, s.backgrounds] as Layer<unknown>[];
  const indices: number[] = [];
  for (let r = fromRow - 1; r < last; r++) indices.push(r);
  const cols = s.maxColumns;
  const rowValues = (r: number) => Array.from({ length: cols }, (_, c) => s.values.get(r, c));
  const order = [...indices].sort((a, b) => compare(rowValues(a), rowValues(b)) || a - b);
  for (const layer of layers) {
    const snapshot = order.map((r) => layer.rows[r]);
    indices.forEach((r, i) => {
      layer.rows[r] = snapshot[i];
    });
  }
}

/** The sheet's protections that are still active, without counting. */
export function __protections(sheet: FakeSheet): FakeProtection[] {
  return rawSheet(sheet).protections.filter((p) => !p.removed);
}

/** Every cell of the spreadsheet holding a formula, as `Tab!A1`: the add-on must never write one. */
export function __formulaCells(spreadsheet: FakeSpreadsheet): string[] {
  const out: string[] = [];
  for (const s of spreadsheet.sheets) {
    s.formulas.rows.forEach((line, r) => line?.forEach((f, c) => {
      if (f) out.push(`${s.name}!${a1Column(c + 1)}${r + 1}`);
    }));
  }
  return out;
}

/** A conditional-format rule as plain data: its condition, background and ranges in A1 notation. */
export interface ConditionalRuleRecord {
  type: string;
  values: unknown[];
  background: string | null;
  ranges: string[];
}

function conditionalRules(sheet: FakeSheet): FakeConditionalFormatRule[] {
  // A proxy passes instanceof and property reads through to its rule, uncounted.
  return rawSheet(sheet).conditionalFormatRules.filter((r): r is FakeConditionalFormatRule => r instanceof FakeConditionalFormatRule);
}

/** The sheet's conditional-format rules in order, read without counting. */
export function __conditionalRules(sheet: FakeSheet): ConditionalRuleRecord[] {
  return conditionalRules(sheet).map((rule) => ({
    type: rule.condition.criteriaType,
    values: [...rule.condition.criteriaValues],
    background: rule.condition.background,
    ranges: rule.ranges.map((r) => {
      const a = `${a1Column(r.column)}${r.row}`;
      return `${a}:${a1Column(r.column + r.numColumns - 1)}${r.row + r.numRows - 1}`;
    }),
  }));
}

/**
 * The background conditional formatting gives a cell (1-based), as Sheets picks it: the first rule in
 * the sheet's order whose ranges hold the cell and whose condition holds; null when none does. The
 * fake calculates no formulas, so the test says whether a condition holds for a cell.
 */
export function __conditionalBackground(
  sheet: FakeSheet,
  row: number,
  column: number,
  holds: (condition: { type: string; values: unknown[] }, row: number, column: number) => boolean,
): string | null {
  for (const rule of conditionalRules(sheet)) {
    const inside = rule.ranges.some((r) => row >= r.row && row < r.row + r.numRows && column >= r.column && column < r.column + r.numColumns);
    if (inside && holds({ type: rule.condition.criteriaType, values: [...rule.condition.criteriaValues] }, row, column)) return rule.condition.background;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Embedded charts (the berap's chart): newChart().asBarChart()…build(), insertChart, getCharts,
// removeChart, and getOptions().get(key) as Apps Script gives them. Kept here, apart, so the
// classes above stay as they were.

export interface FakeChartRange {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export class FakeEmbeddedChart {
  constructor(
    readonly chartId: number,
    readonly type: string,
    readonly ranges: FakeChartRange[],
    readonly options: Map<string, unknown>,
    readonly position: { row: number; column: number },
    readonly numHeaders: number,
  ) {}
  getChartId(): number {
    return this.chartId;
  }
  getOptions(): { get(option: string): unknown } {
    return { get: (option: string) => this.options.get(option) ?? null };
  }
  getRanges(): FakeChartRange[] {
    return this.ranges.map((r) => ({ ...r }));
  }
}

export class FakeEmbeddedChartBuilder {
  private type = 'COLUMN';
  private readonly ranges: FakeChartRange[] = [];
  private readonly options = new Map<string, unknown>();
  private position = { row: 1, column: 1 };
  private numHeaders = -1;
  constructor(private readonly w: World) {}
  private self(): FakeEmbeddedChartBuilder {
    return this.w.wrap(this, 'EmbeddedChartBuilder');
  }
  asBarChart(): FakeEmbeddedChartBuilder {
    this.type = 'BAR';
    return this.self();
  }
  addRange(range: FakeRange): FakeEmbeddedChartBuilder {
    const r = this.w.unwrap(range);
    if (!(r instanceof FakeRange)) throw new Error('Invalid argument: range');
    this.ranges.push({ row: r.row, column: r.column, numRows: r.numRows, numColumns: r.numColumns });
    return this.self();
  }
  setNumHeaders(headers: number): FakeEmbeddedChartBuilder {
    this.numHeaders = headers;
    return this.self();
  }
  setOption(option: string, value: unknown): FakeEmbeddedChartBuilder {
    this.options.set(option, value);
    return this.self();
  }
  setPosition(anchorRowPos: number, anchorColPos: number, _offsetX: number, _offsetY: number): FakeEmbeddedChartBuilder {
    if (anchorRowPos < 1 || anchorColPos < 1) throw new Error('Invalid argument: position');
    this.position = { row: anchorRowPos, column: anchorColPos };
    return this.self();
  }
  build(): FakeEmbeddedChart {
    if (!this.ranges.length) throw new Error('Chart has no data.');
    return this.w.wrap(new FakeEmbeddedChart(this.w.id(), this.type, [...this.ranges], new Map(this.options), { ...this.position }, this.numHeaders), 'EmbeddedChart');
  }
}

export interface FakeSheet {
  newChart(): FakeEmbeddedChartBuilder;
  insertChart(chart: FakeEmbeddedChart): void;
  getCharts(): FakeEmbeddedChart[];
  removeChart(chart: FakeEmbeddedChart): void;
}

const sheetCharts = new WeakMap<FakeSheet, FakeEmbeddedChart[]>();
const worldOf = (sheet: FakeSheet) => (sheet as unknown as { w: World }).w;

/** The charts embedded on a sheet, without counting. */
export function __charts(sheet: FakeSheet): FakeEmbeddedChart[] {
  const raw = worldOf(sheet).unwrap(sheet);
  return [...(sheetCharts.get(raw) ?? [])];
}

Object.assign(FakeSheet.prototype, {
  newChart(this: FakeSheet): FakeEmbeddedChartBuilder {
    const w = worldOf(this);
    return w.wrap(new FakeEmbeddedChartBuilder(w), 'EmbeddedChartBuilder');
  },
  insertChart(this: FakeSheet, chart: FakeEmbeddedChart): void {
    const list = sheetCharts.get(this) ?? [];
    list.push(worldOf(this).unwrap(chart));
    sheetCharts.set(this, list);
  },
  getCharts(this: FakeSheet): FakeEmbeddedChart[] {
    const w = worldOf(this);
    return (sheetCharts.get(this) ?? []).map((c) => w.wrap(c, 'EmbeddedChart'));
  },
  removeChart(this: FakeSheet, chart: FakeEmbeddedChart): void {
    const target = worldOf(this).unwrap(chart);
    sheetCharts.set(this, (sheetCharts.get(this) ?? []).filter((c) => c !== target));
  },
});

import { PlannedProtection } from '../../core/protectionPlan';
import { PropertyStore, ProtectionPort } from '../protectionPort';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

/**
 * Protections over SpreadsheetApp. Each protection gets exactly its planned editors: the editors
 * Sheets copies in by default are removed (Sheets keeps the owner and the person running it, who is
 * the project leader), and domain-wide editing is switched off.
 */
export class AppsScriptProtections implements ProtectionPort {
  constructor(private readonly spreadsheet: Spreadsheet = SpreadsheetApp.getActive()) {}

  removeProtections(prefix: string): number {
    let removed = 0;
    for (const sheet of this.spreadsheet.getSheets()) {
      const all: Protection[] = [
        ...sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET),
        ...sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE),
      ];
      for (const p of all) {
        if (p.getDescription().startsWith(prefix)) {
          p.remove();
          removed++;
        }
      }
    }
    return removed;
  }

  addProtections(protections: readonly PlannedProtection[]): void {
    const sheets = new Map(this.spreadsheet.getSheets().map((s) => [s.getName(), s]));
    for (const planned of protections) {
      const sheet = sheets.get(planned.tab);
      if (!sheet) continue;
      const protection =
        planned.area.kind === 'sheet'
          ? sheet.protect()
          : // Whole rows (`5:7`), so columns added later are covered too.
            sheet.getRange(`${planned.area.from}:${planned.area.to}`).protect();
      protection.setDescription(planned.description);
      const wanted = new Set(planned.editors.map((e) => e.toLowerCase()));
      const unwanted = protection.getEditors().map((u) => u.getEmail()).filter((e) => !wanted.has(e.toLowerCase()));
      if (unwanted.length) protection.removeEditors(unwanted);
      protection.addEditors([...wanted]);
      if (protection.canDomainEdit()) protection.setDomainEdit(false);
    }
  }
}

/** Document properties: shared by everyone who opens this spreadsheet, unlike user properties. */
export class AppsScriptPropertyStore implements PropertyStore {
  private readonly properties = PropertiesService.getDocumentProperties();
  get(key: string): string | null {
    return this.properties.getProperty(key);
  }
  getAll(): Record<string, string> {
    return this.properties.getProperties();
  }
  set(values: Record<string, string>): void {
    this.properties.setProperties(values);
  }
  delete(key: string): void {
    this.properties.deleteProperty(key);
  }
}

import { PropertyStore } from '../../ports/properties';

/**
 * A property store over Apps Script's: the document properties (shared by everyone who opens this
 * spreadsheet) unless another store is given, such as the runner's own user properties.
 */
export class AppsScriptPropertyStore implements PropertyStore {
  private readonly properties: GoogleAppsScript.Properties.Properties;
  constructor(properties?: GoogleAppsScript.Properties.Properties) {
    this.properties = properties ?? PropertiesService.getDocumentProperties();
  }
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

import { PropertyStore } from '../../ports/properties';

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

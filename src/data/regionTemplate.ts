import example from './voorbeeldregio.json';

/**
 * The region file `regio --sjabloon` writes to start a region of one's own: a small invented
 * Voorbeeldregio that is valid as it stands, with an `_about` note on every part a user fills.
 * Kept out of regions.ts so the Apps Script bundle does not carry it.
 */
export function regionTemplate(): unknown {
  return JSON.parse(JSON.stringify(example));
}

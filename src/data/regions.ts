import { Region } from '../core/region/schema';
import { parseJsonText } from '../core/region/jsonText';
import { parseRegion } from '../core/region/validate';
import gelderlandZuid from './gelderland-zuid-2021-2025.json';
import template from './sjabloon.json';

/**
 * The region files built into the add-on. `init --regio ID` and the region choice in
 * `Werkboek inrichten` list these; any other region brings its own file in the same format.
 */
export interface BuiltInRegion {
  id: string;
  /** Dutch, as a user picks it. */
  naam: string;
  beschrijving: string;
}

interface Entry extends BuiltInRegion {
  json: unknown;
}

const BUILT_IN: readonly Entry[] = [
  {
    id: 'gelderland-zuid',
    naam: 'Gelderland Zuid 2021-2025',
    beschrijving: 'Regioaanpak Samen voor een thuis zonder geweld: 15 gemeenten, centrumgemeente Nijmegen. De standaardregio en de demo.',
    json: gelderlandZuid,
  },
  {
    id: 'sjabloon',
    naam: 'Leeg sjabloon',
    beschrijving: 'Alle tabbladen, kolommen en instellingen zonder gegevens: voor een centrumgemeente die haar eigen regio invult.',
    json: template,
  },
];

export const DEFAULT_REGION_ID = 'gelderland-zuid';

/** Gelderland Zuid 2021-2025: the built-in default and the demo region. */
export function defaultRegion(): Region {
  return parseRegion(gelderlandZuid);
}

/** The built-in regions, default first. */
export function builtInRegions(): BuiltInRegion[] {
  return BUILT_IN.map(({ id, naam, beschrijving }) => ({ id, naam, beschrijving }));
}

export class RegionLoadError extends Error {}

/**
 * A region by the ID of a built-in one (`gelderland-zuid`, `sjabloon`), or from the text or the
 * parsed content of a region file. Throws a Dutch message: an unknown ID lists the known ones, a
 * file that is not JSON says so, an invalid file lists every problem (see parseRegion).
 */
export function loadRegion(idOrJson: string | object): Region {
  if (typeof idOrJson !== 'string') return parseRegion(idOrJson);
  const textValue = idOrJson.trim();
  const builtIn = BUILT_IN.find((r) => r.id === textValue.toLowerCase());
  if (builtIn) return parseRegion(builtIn.json);
  if (!textValue.startsWith('{')) {
    const known = BUILT_IN.map((r) => r.id).join(', ');
    throw new RegionLoadError(`Onbekende regio "${textValue}". Kies ${known}, of geef een eigen regiobestand (JSON).`);
  }
  let json: unknown;
  try {
    json = parseJsonText(textValue);
  } catch (e) {
    throw new RegionLoadError(`Het regiobestand is geen geldige JSON: ${(e as Error).message}.`);
  }
  return parseRegion(json);
}

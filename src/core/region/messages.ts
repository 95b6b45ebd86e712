import * as z from 'zod/mini';
import { editDistance } from '../values/text';
import { regionSchema } from './schema';

// zod's issues as Dutch lines of a region file's error: where (`acties.regionaal[0].eigenar`) and
// what (`onbekende sleutel "eigenar" (bedoelt u "eigenaar"?)`). Reads zod's internals (the schema's
// `_zod.def`) only to list the keys an object may have.

export type Path = readonly PropertyKey[];
export interface RegionProblem {
  path: Path;
  message: string;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'tekst', number: 'getal', int: 'geheel getal', boolean: 'true of false', array: 'lijst', object: 'object', record: 'object',
};

function valueAt(root: unknown, path: Path): unknown {
  let value = root;
  for (const p of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[p];
  }
  return value;
}

interface SchemaDef {
  type: string;
  shape?: Record<string, { _zod: { def: SchemaDef } }>;
  innerType?: { _zod: { def: SchemaDef } };
  element?: { _zod: { def: SchemaDef } };
  valueType?: { _zod: { def: SchemaDef } };
}

/** The keys an object at `path` may have, found by walking the schema: for a hint on a misspelt key. */
function allowedKeys(path: Path): string[] {
  let def: SchemaDef | undefined = (regionSchema as unknown as { _zod: { def: SchemaDef } })._zod.def;
  for (const p of path) {
    while (def && (def.type === 'optional' || def.type === 'nullable')) def = def.innerType?._zod.def;
    if (!def) return [];
    if (def.type === 'object' && typeof p === 'string') def = def.shape?.[p]?._zod.def;
    else if (def.type === 'array') def = def.element?._zod.def;
    else if (def.type === 'record') def = def.valueType?._zod.def;
    else return [];
  }
  while (def && (def.type === 'optional' || def.type === 'nullable')) def = def.innerType?._zod.def;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}


function unknownKey(key: string, path: Path): string {
  const candidates = allowedKeys(path).filter((k) => k !== '_about');
  const closest = candidates
    .map((k) => ({ k, d: editDistance(key.toLowerCase(), k.toLowerCase()) }))
    .filter((c) => c.d <= Math.max(2, Math.floor(key.length / 4)))
    .sort((a, b) => a.d - b.d || (a.k < b.k ? -1 : 1))[0];
  const hint = closest ? `bedoelt u "${closest.k}"?` : `toegestaan: ${candidates.join(', ')}`;
  return `onbekende sleutel "${key}" (${hint})`;
}

function dutchIssue(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return input === undefined ? 'ontbreekt' : `verwacht ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_small':
      return issue.message && !issue.message.startsWith('Too small') ? issue.message : `te klein (minimaal ${String(issue.minimum)})`;
    case 'too_big':
      return `te groot (maximaal ${String(issue.maximum)})`;
    case 'invalid_format':
      return issue.message && !issue.message.startsWith('Invalid') ? issue.message : 'ongeldige notatie';
    case 'invalid_value':
      return input === undefined ? 'ontbreekt' : `verwacht ${issue.values.map((v) => String(v)).join(' of ')}`;
    case 'invalid_key':
      return 'ongeldige sleutel';
    case 'custom':
      return issue.message;
    default:
      return 'ongeldige waarde';
  }
}

export function pathText(path: Path): string {
  if (!path.length) return '(bestand)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}

export function zodProblems(error: z.core.$ZodError, root: unknown): RegionProblem[] {
  return error.issues.flatMap((issue): RegionProblem[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => ({ path: [...issue.path, k], message: unknownKey(k, issue.path) }));
    }
    return [{ path: issue.path, message: dutchIssue(issue, valueAt(root, issue.path)) }];
  });
}

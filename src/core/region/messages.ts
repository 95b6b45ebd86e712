import * as z from 'zod/mini';
import { closestMatch } from '../values/text';
import { regionSchema } from './schema';

// zod's issues as Dutch lines of a region file's error: where (`gemeenten[0]`) and what is expected
// there (`verwacht een object met naam, bron (en eventueel subregio, ...), niet de tekst "Arnhem"`).
// Reads zod's internals (the schema's `_zod.def`) to describe what a place in the file holds, so
// the message follows the schema and never drifts from it.

export type Path = readonly PropertyKey[];
export interface RegionProblem {
  path: Path;
  message: string;
}

/** A note key that every object allows; never listed among what an object holds. */
const NOTE_KEY = '_about';
const SHOWN_TEXT = 40;

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
  format?: string;
  shape?: Record<string, { _zod: { def: SchemaDef } }>;
  innerType?: { _zod: { def: SchemaDef } };
  element?: { _zod: { def: SchemaDef } };
  valueType?: { _zod: { def: SchemaDef } };
  entries?: Record<string, string>;
  values?: unknown[];
}

const unwrap = (def: SchemaDef | undefined) => {
  while (def && def.type === 'optional') def = def.innerType?._zod.def;
  return def;
};

/** The schema of the place `path` points to in a region file, or undefined when it is not in the format. */
function defAt(path: Path): SchemaDef | undefined {
  let def: SchemaDef | undefined = (regionSchema as unknown as { _zod: { def: SchemaDef } })._zod.def;
  for (const p of path) {
    def = unwrap(def);
    if (def?.type === 'nullable') def = unwrap(def.innerType?._zod.def);
    if (!def) return undefined;
    if (def.type === 'object' && typeof p === 'string') def = def.shape?.[p]?._zod.def;
    else if (def.type === 'array' && typeof p === 'number') def = def.element?._zod.def;
    else if (def.type === 'record') def = def.valueType?._zod.def;
    else return undefined;
  }
  return unwrap(def);
}

/** The keys an object may have and which of them it needs, notes left out. */
function objectKeys(def: SchemaDef): { required: string[]; optional: string[] } {
  const keys = Object.entries(def.shape ?? {}).filter(([k]) => k !== NOTE_KEY);
  return {
    required: keys.filter(([, v]) => v._zod.def.type !== 'optional').map(([k]) => k),
    optional: keys.filter(([, v]) => v._zod.def.type === 'optional').map(([k]) => k),
  };
}

const or = (parts: string[]) => (parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} of ${parts[parts.length - 1]}`);

/** What a place in the file holds, in Dutch: `een object met naam, bron (en eventueel subregio)`. */
function expected(def: SchemaDef | undefined): string {
  def = unwrap(def);
  switch (def?.type) {
    case 'string':
      return 'tekst';
    case 'number':
      return def.format === 'safeint' ? 'een geheel getal' : 'een getal';
    case 'boolean':
      return 'true of false';
    case 'enum':
      return or(Object.values(def.entries ?? {}));
    case 'literal':
      return or((def.values ?? []).map(String));
    case 'nullable':
      return `${expected(def.innerType?._zod.def)} of null`;
    case 'object': {
      const { required, optional } = objectKeys(def);
      if (!required.length) return `een object met eventueel ${optional.join(', ')}`;
      return `een object met ${required.join(', ')}${optional.length ? ` (en eventueel ${optional.join(', ')})` : ''}`;
    }
    case 'array': {
      const element = expected(def.element?._zod.def);
      if (element.startsWith('een object met ')) return `een lijst van objecten met ${element.slice('een object met '.length)}`;
      if (element === 'tekst') return 'een lijst van teksten';
      return `een lijst van ${element.replace(/^een /, '')}`;
    }
    case 'record':
      return `een object met per sleutel ${expected(def.valueType?._zod.def)}`;
    default:
      return 'een andere waarde';
  }
}

/** What the file holds instead, so the reader finds it: `de tekst "Arnhem"`, `een lijst`. */
function found(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'een lijst';
  if (typeof value === 'string') return `de tekst "${value.length > SHOWN_TEXT ? `${value.slice(0, SHOWN_TEXT - 1)}…` : value}"`;
  if (typeof value === 'number') return `het getal ${value}`;
  if (typeof value === 'boolean') return `de waarde ${value}`;
  return 'een object';
}

const isContainer = (def: SchemaDef | undefined) => ['object', 'array', 'record'].includes(unwrap(def)?.type ?? '');

function unknownKey(key: string, path: Path): string {
  const def = defAt(path);
  const candidates = def?.type === 'object' ? Object.keys(def.shape ?? {}).filter((k) => k !== NOTE_KEY) : [];
  const closest = closestMatch(key, candidates);
  const hint = closest ? `bedoel je "${closest}"?` : `toegestaan: ${candidates.join(', ')}`;
  return `onbekende sleutel "${key}" (${hint})`;
}

function dutchIssue(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
    case 'invalid_value': {
      const def = defAt(issue.path);
      if (input === undefined) return isContainer(def) ? `ontbreekt (verwacht ${expected(def)})` : 'ontbreekt';
      return `verwacht ${def ? expected(def) : 'iets anders'}, niet ${found(input)}`;
    }
    case 'too_small':
      return issue.message && !issue.message.startsWith('Too small') ? issue.message : `te klein (minimaal ${String(issue.minimum)})`;
    case 'too_big':
      return `te groot (maximaal ${String(issue.maximum)})`;
    case 'invalid_format':
      return issue.message && !issue.message.startsWith('Invalid') ? issue.message : 'ongeldige notatie';
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

import * as posix from 'path/posix';
import JSZip from 'jszip';
import { elements, rootPrefix } from './xml';

/**
 * What exceljs is given to read, made from the user's file (which itself is never changed: saving
 * patches the original, see save.ts). exceljs only follows parts the way it writes them itself:
 * relative targets, drawings with the `xdr:` prefix, comments in `xl/commentsN.xml`. Files from
 * other writers (openpyxl, Google Sheets) differ, and exceljs then fails on them ("Cannot read
 * properties of undefined (reading 'anchors')"). The adapter never uses exceljs's model of drawings,
 * images or comments (they stay in the original parts), so its copy leaves their references out and
 * gives every relationship a relative target; the drawing and comment parts themselves are left out.
 */

/** Worksheet elements that point at drawings (charts, images), comment boxes and pictures. */
const DRAWING_ELEMENTS = ['drawing', 'legacyDrawing', 'legacyDrawingHF', 'picture'];
const WORKSHEET_PART = /^(.*\/)?worksheets\/[^/]+\.xml$/;
/** Drawings, charts and comments, which exceljs would parse (and may fail on) for nothing. */
const DRAWING_PART = /(^|\/)(drawings|charts|comments)\/|(^|\/)comments\d*\.xml$/;

/** The folder a .rels file's targets are relative to: `xl/worksheets` for `xl/worksheets/_rels/sheet1.xml.rels`. */
const relsBase = (rels: string) => posix.dirname(posix.dirname(rels));

function relativeTargets(rels: string, xml: string): string {
  return xml.replace(/(\sTarget\s*=\s*)(["'])\/([^"']*)\2/g, (all, start: string, quote: string, target: string) => {
    if (/TargetMode\s*=\s*["']External/.test(all)) return all;
    return `${start}${quote}${posix.relative(relsBase(rels), target)}${quote}`;
  });
}

/** Relationships to the parts left out: exceljs looks each one up and fails on a missing one. */
function withoutDrawingRelationships(xml: string): string {
  return xml.replace(/<(?:\w+:)?Relationship\b[^>]*\bType\s*=\s*["'][^"']*\/(?:drawing|vmlDrawing|comments|image|chart)["'][^>]*\/>/g, '');
}

/** A worksheet part without its references to drawings and comment boxes. */
export function withoutDrawings(xml: string): string {
  const p = rootPrefix(xml, 'worksheet');
  const spans = DRAWING_ELEMENTS.flatMap((name) => elements(xml, `${p}${name}`)).sort((a, b) => b.start - a.start);
  let out = xml;
  for (const e of spans) out = out.slice(0, e.start) + out.slice(e.end);
  return out;
}

/**
 * The bytes exceljs loads for `data`. `replaced` gives the text of parts already read (the skeletons
 * of streamed worksheets, an emptied shared-string table); they are used instead of the original.
 * Returns `data` itself when nothing needs changing.
 */
export async function exceljsInput(data: Uint8Array, replaced: ReadonlyMap<string, string> = new Map()): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(data);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  // Read before any .rels is rewritten below: a writer may store a sheet's .rels ahead of the sheet.
  const drawingSheets = new Set<string>();
  for (const name of names) if (WORKSHEET_PART.test(name) && (await pointsAtDrawings(zip, name))) drawingSheets.add(name);
  let changed = false;
  for (const name of names) {
    if (DRAWING_PART.test(name)) {
      zip.remove(name);
      changed = true;
      continue;
    }
    const given = replaced.get(name);
    if (name.endsWith('.rels')) {
      const xml = given ?? (await zip.file(name)!.async('string'));
      const fixed = withoutDrawingRelationships(relativeTargets(name, xml));
      if (fixed !== xml || given !== undefined) {
        zip.file(name, fixed);
        changed = true;
      }
    } else if (WORKSHEET_PART.test(name) && (given !== undefined || drawingSheets.has(name))) {
      zip.file(name, withoutDrawings(given ?? (await zip.file(name)!.async('string'))));
      changed = true;
    } else if (given !== undefined) {
      zip.file(name, given);
      changed = true;
    }
  }
  if (!changed) return data;
  // Stored, not deflated: exceljs reads it once, straight away.
  return zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
}

/** Whether a worksheet has relationships to drawings or comment boxes (read from its small .rels). */
async function pointsAtDrawings(zip: JSZip, part: string): Promise<boolean> {
  const rels = zip.file(posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`));
  if (!rels) return false;
  return /\/(drawing|vmlDrawing|image)["']/.test(await rels.async('string'));
}

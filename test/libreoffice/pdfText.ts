import * as fs from 'fs';
import * as zlib from 'zlib';

interface PdfObject {
  dict: string;
  stream: string | null;
}

function objects(pdf: Buffer): Map<string, PdfObject> {
  const raw = pdf.toString('latin1');
  const out = new Map<string, PdfObject>();
  for (const m of raw.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) {
    const body = m[2];
    const at = body.search(/stream\r?\n/);
    let stream: string | null = null;
    if (at !== -1) {
      const start = m.index! + m[0].indexOf(body) + body.indexOf('\n', at) + 1;
      const end = raw.indexOf('endstream', start);
      try {
        stream = zlib.inflateSync(pdf.subarray(start, end)).toString('latin1');
      } catch {
        stream = null; // not deflated: fonts' glyphs, images
      }
    }
    out.set(m[1], { dict: at === -1 ? body : body.slice(0, at), stream });
  }
  return out;
}

/**
 * The text of a PDF that LibreOffice printed, one string per text-showing operator, in drawing
 * order: enough to see what a user sees in a cell, `###` included. Each font's ToUnicode map
 * decodes the glyph codes of the strings drawn in that font.
 */
export function pdfText(file: string): string[] {
  const all = objects(fs.readFileSync(file));
  const cmaps = new Map<string, Map<string, string>>();
  for (const [id, o] of all) {
    const ref = /\/Type\s*\/Font\b[\s\S]*\/ToUnicode\s+(\d+) 0 R/.exec(o.dict);
    const cmap = ref ? all.get(ref[1])?.stream : null;
    if (!cmap) continue;
    const glyphs = new Map<string, string>();
    for (const [, code, unicode] of cmap.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]{4,})>/g)) glyphs.set(code.toUpperCase(), String.fromCharCode(parseInt(unicode.slice(0, 4), 16)));
    cmaps.set(id, glyphs);
  }
  const byName = new Map<string, Map<string, string>>();
  for (const o of all.values()) for (const [, name, id] of o.dict.matchAll(/\/(\w+)\s+(\d+) 0 R/g)) if (cmaps.has(id)) byName.set(name, cmaps.get(id)!);
  const texts: string[] = [];
  for (const o of all.values()) {
    if (!o.stream || !/T[jJ]/.test(o.stream)) continue;
    let font = new Map<string, string>();
    for (const m of o.stream.matchAll(/\/(\w+)\s+[\d.]+\s+Tf|(\[[^\]]*\]|<[0-9A-Fa-f]*>)\s*T[jJ]/g)) {
      if (m[1]) {
        font = byName.get(m[1]) ?? new Map();
        continue;
      }
      const width = Math.max(...[...font.keys()].map((k) => k.length), 2);
      const decode = (hex: string) => (hex.match(new RegExp(`.{${width}}`, 'g')) ?? []).map((c) => font.get(c.toUpperCase()) ?? '?').join('');
      texts.push([...m[2].matchAll(/<([0-9A-Fa-f]*)>/g)].map((h) => decode(h[1])).join(''));
    }
  }
  return texts;
}

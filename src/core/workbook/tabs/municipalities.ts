import { TAB } from '../contract';
import { Findings } from '../../sheet/findings';
import { Municipality } from '../model';
import { WorkbookSnapshot, idKey, reportDuplicates, rowsOf, shown } from '../rowReader';

const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

export function splitEditors(text: string): string[] {
  return text.split(/[,;\s]+/).map((e) => e.trim().toLowerCase()).filter(Boolean);
}

/** `Gemeenten`: one row per municipality; an editor that is no e-mail address is listed and left out. */
export function parseMunicipalities(snapshot: WorkbookSnapshot, findings: Findings, tz: string): { municipalities: Municipality[]; municipalityName: Map<string, string> } {
  const municipalityReaders = rowsOf(snapshot, TAB.municipalities, ['Gemeente'], findings, tz);
  const duplicateMunicipalities = reportDuplicates(municipalityReaders, 'Gemeente', 'Gemeente', findings, TAB.municipalities);
  const municipalities: Municipality[] = [];
  for (const r of municipalityReaders) {
    const name = r.requiredText('Gemeente');
    if (!r.ok || duplicateMunicipalities.has(r)) continue;
    const editors = splitEditors(r.text('Editors'));
    for (const e of editors.filter((e) => !EMAIL.test(e))) {
      findings.add({ tab: TAB.municipalities, row: r.row.rowNumber, column: r.row.where('Editors'), value: e, problem: `"${shown(e)}" is geen e-mailadres` });
    }
    municipalities.push({ row: r.row.rowNumber, name, subregion: r.text('Subregio'), editors: editors.filter((e) => EMAIL.test(e)), notes: r.text('Bijzonderheden') });
  }
  return { municipalities, municipalityName: new Map(municipalities.map((m) => [idKey(m.name), m.name])) };
}

import { Municipality } from '../../../src/core/workbook/model';
import { isProjectLeader, mayEditAction, mayEditLedger, municipalitiesOfEditor, municipalityOfEditor, roleOf } from '../../../src/core/rights/permissions';

const municipalities: Municipality[] = [
  { row: 2, name: 'Tiel', subregion: 'Rivierenland', editors: ['ambtenaar@tiel.nl'], notes: '' },
  { row: 3, name: 'Nijmegen', subregion: 'Rijk van Nijmegen', editors: ['a@nijmegen.nl', 'gedeeld@regio.nl'], notes: '' },
  { row: 4, name: 'Buren', subregion: 'Rivierenland', editors: ['gedeeld@regio.nl'], notes: '' },
];
const settings = { projectLeader: 'pl@nijmegen.nl', controller: 'controller@nijmegen.nl' };

describe('permissions', () => {
  it('lets the project leader edit every row, regional rows included', () => {
    for (const m of ['Tiel', 'Nijmegen', 'Regio']) expect(mayEditAction('PL@Nijmegen.nl', m, settings, municipalities)).toBe(true);
  });

  it("lets Tiel's editor edit Tiel rows only, matching e-mail case-insensitively", () => {
    expect(mayEditAction(' Ambtenaar@TIEL.nl', 'Tiel', settings, municipalities)).toBe(true);
    expect(mayEditAction('ambtenaar@tiel.nl', 'tiel', settings, municipalities)).toBe(true);
    expect(mayEditAction('ambtenaar@tiel.nl', 'Nijmegen', settings, municipalities)).toBe(false);
    expect(mayEditAction('ambtenaar@tiel.nl', 'Regio', settings, municipalities)).toBe(false);
  });

  it('lets nobody else edit anything, and an unknown user is never the project leader', () => {
    expect(mayEditAction('onbekend@x.nl', 'Tiel', settings, municipalities)).toBe(false);
    expect(mayEditAction('', 'Tiel', settings, municipalities)).toBe(false);
    expect(isProjectLeader('', { projectLeader: '', controller: '' })).toBe(false);
    expect(roleOf('controller@nijmegen.nl', settings, municipalities)).toEqual({ kind: 'none' });
  });

  it('knows an editor of two municipalities', () => {
    expect(municipalitiesOfEditor('gedeeld@regio.nl', municipalities)).toEqual(['Nijmegen', 'Buren']);
    expect(municipalityOfEditor('gedeeld@regio.nl', municipalities)).toBe('Nijmegen');
    expect(municipalityOfEditor('niemand@x.nl', municipalities)).toBeNull();
    expect(mayEditAction('gedeeld@regio.nl', 'Buren', settings, municipalities)).toBe(true);
    expect(mayEditAction('gedeeld@regio.nl', 'Tiel', settings, municipalities)).toBe(false);
  });

  it('gives the ledger to the project leader and the controller', () => {
    expect(mayEditLedger('Controller@nijmegen.nl', settings)).toBe(true);
    expect(mayEditLedger('pl@nijmegen.nl', settings)).toBe(true);
    expect(mayEditLedger('ambtenaar@tiel.nl', settings)).toBe(false);
    expect(mayEditLedger('', { projectLeader: '', controller: '' })).toBe(false);
  });
});

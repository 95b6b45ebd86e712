import { digestPeople, editorLabel, mayChangeCell } from '../../../src/core/rights/columnRights';

const people = digestPeople({ projectLeader: 'PL@nijmegen.nl', controller: 'c@nijmegen.nl' }, [
  { row: 2, name: 'Tiel', subregion: '', editors: ['a@tiel.nl'], notes: '' },
  { row: 3, name: 'Buren', subregion: '', editors: ['b@buren.nl', 'a@tiel.nl'], notes: '' },
]);
const change = (over: Partial<Parameters<typeof mayChangeCell>[0]>) =>
  mayChangeCell({ tab: 'Acties', header: 'Status', municipality: 'Tiel', existingRow: true, user: 'a@tiel.nl', people, ...over });

describe('column rights', () => {
  it('lets an official change only Eigenaar, Deadline, Status and Toelichting of an existing own row', () => {
    for (const header of ['Eigenaar', 'deadline', ' Status ', 'Toelichting']) expect([header, change({ header })]).toEqual([header, true]);
    for (const header of ['ID', 'Actielijn', 'Gemeente', 'Actie', 'Thema', 'Prioriteit', 'Begrotingspost', 'Geraamd', 'Bijgewerkt op', 'Bijgewerkt door', 'Eigen kolom', '']) {
      expect([header, change({ header })]).toEqual([header, false]);
    }
    expect(change({ municipality: 'Nijmegen' })).toBe(false);
    expect(change({ municipality: 'Regio' })).toBe(false);
    expect(change({ existingRow: false })).toBe(false);
    expect(change({ user: 'b@buren.nl' })).toBe(false);
    expect(change({ user: 'a@tiel.nl', municipality: 'buren' })).toBe(true);
  });

  it('lets the project leader change everything, the controller only Mutaties, and trusts the sheet for a hidden address', () => {
    expect(change({ user: 'pl@nijmegen.nl', header: 'Geraamd', municipality: 'Regio', existingRow: false })).toBe(true);
    expect(change({ user: 'c@nijmegen.nl' })).toBe(false);
    expect(change({ tab: 'Mutaties', header: 'Bedrag', user: 'c@nijmegen.nl' })).toBe(true);
    expect(change({ tab: 'Mutaties', header: 'Bedrag', user: 'a@tiel.nl' })).toBe(false);
    expect(change({ user: '' })).toBe(true);
    expect(change({ user: '', header: 'Geraamd' })).toBe(false);
  });

  it('names who edited, never blank', () => {
    expect(editorLabel('A@Tiel.nl ', 'Acties', ['Tiel'], people)).toBe('a@tiel.nl');
    expect(editorLabel('', 'Acties', ['tiel', 'Tiel'], people)).toBe('editor van Tiel');
    expect(editorLabel('', 'Acties', ['Tiel', 'Buren'], people)).toBe('editor van Tiel en Buren');
    expect(editorLabel('', 'Acties', ['Tiel', 'Regio'], people)).toBe('onbekende gebruiker');
    expect(editorLabel('', 'Mutaties', [''], people)).toBe('controller');
  });
});

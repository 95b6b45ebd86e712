/** The rules of the one open form in "Mijn acties", without a browser. */
import type { MyAction } from '../../src/server/api';
import { chooseInConflict, readDateText,
  INCOMPLETE_DATE, addDraft, changesOf, editDraft, intendedDeadline, isDirty, newActionInput, pastDeadline, rebaseOnConflict, validate,
} from '../../sidebar/drafts';
import { markerOf, matchesFilter, sortByDeadline } from '../../sidebar/myActions';

const action = (over: Partial<MyAction> = {}): MyAction => ({
  id: 'A-003', row: 4, municipality: 'Oosterdal', title: 'Lokaal plan', owner: 'Beleid', theme: '', priority: 'Middel',
  deadline: '2025-07-01', status: 'Niet gestart', note: '', updatedOn: null, updatedAt: null, updatedBy: '', ...over,
});

describe('the deadline field', () => {
  test('an incomplete or emptied date is never read as "no deadline"', () => {
    const d = editDraft(action());
    expect(intendedDeadline(d)).toBe('2025-07-01');
    expect(intendedDeadline({ ...d, deadline: { value: '', incomplete: true } })).toBe('incomplete');
    // Emptied by hand, without "Deadline wissen": not a decision.
    expect(intendedDeadline({ ...d, deadline: { value: '', incomplete: false } })).toBe('incomplete');
    expect(validate({ ...d, deadline: { value: '', incomplete: false } })).toEqual({ deadline: INCOMPLETE_DATE });
    expect(changesOf({ ...d, deadline: { value: '', incomplete: true } })).toEqual({});
    // "Deadline wissen" is.
    expect(changesOf({ ...d, clearDeadline: true, deadline: { value: '', incomplete: false } })).toEqual({ deadline: null });
    // An action without deadline keeps none when the field stays empty.
    expect(changesOf(editDraft(action({ deadline: null })))).toEqual({});
  });

  test('a deadline before the Peildatum waits for confirmation; an unchanged one does not', () => {
    const d = editDraft(action({ deadline: '2025-05-01' }));
    expect(pastDeadline(d, '2025-06-15')).toBeNull();
    expect(pastDeadline({ ...d, deadline: { value: '2025-06-14', incomplete: false } }, '2025-06-15')).toBe('2025-06-14');
    expect(pastDeadline({ ...d, deadline: { value: '2025-06-15', incomplete: false } }, '2025-06-15')).toBeNull();
  });
});

test('only changed fields are sent, and a form is dirty exactly when something would be', () => {
  const d = editDraft(action({ note: 'oud' }));
  expect(isDirty(d)).toBe(false);
  expect(changesOf({ ...d, status: 'Loopt', note: 'oud' })).toEqual({ status: 'Loopt' });
  expect(isDirty({ ...d, note: 'nieuw' })).toBe(true);
  expect(isDirty({ ...d, deadline: { value: '', incomplete: true } })).toBe(true);
});

test('after a refused save the user\'s own changes stay and what only others changed is taken over', () => {
  const mine = { ...editDraft(action()), status: 'Loopt', saving: true };
  const current = action({ note: 'Door projectleider', updatedAt: '2025-06-15T10:00:00.000Z', updatedBy: 'pl@regio.test' });
  const next = rebaseOnConflict(mine, current, ['note']);
  expect([next.status, next.note, next.deadline.value, next.saving]).toEqual(['Loopt', 'Door projectleider', '2025-07-01', false]);
  expect(next.base).toBe(current);
  expect(next.conflict).toEqual({ changed: ['note'], mine: [], pending: [], by: 'pl@regio.test', at: '2025-06-15T10:00:00.000Z' });
  // The next save sends only the status, over the new version.
  expect(changesOf(next)).toEqual({ status: 'Loopt' });
  // Both changed the note: the user's text stays, and the box says so.
  const both = rebaseOnConflict({ ...editDraft(action()), note: 'Mijn tekst' }, current, ['note']);
  expect([both.note, both.conflict?.mine, both.conflict?.pending]).toEqual(['Mijn tekst', ['note'], ['note']]);
  // Only a choice settles it: the sheet's text, the user's, or both (the sheet's first).
  expect(chooseInConflict(both, 'note', 'sheet').note).toBe('Door projectleider');
  expect(chooseInConflict(both, 'note', 'mine').note).toBe('Mijn tekst');
  expect(chooseInConflict(both, 'note', 'merge').note).toBe('Door projectleider\nMijn tekst');
  expect(chooseInConflict(both, 'note', 'merge').conflict?.pending).toEqual([]);
});

test('a typed date is read only when it is complete and exists', () => {
  expect(readDateText('01-12-2025')).toMatchObject({ value: '2025-12-01', incomplete: false });
  expect(readDateText('1/2/2026')).toMatchObject({ value: '2026-02-01', incomplete: false });
  expect(readDateText('2025-10-01')).toMatchObject({ value: '2025-10-01', incomplete: false });
  expect(readDateText('')).toMatchObject({ value: '', incomplete: false });
  // What Chromium's date field turned into 01-12-2025, 31-01-2025 and the year 0202:
  for (const half of ['150', '0', '01-12-202', '31-02-2026', '00-01-2025']) expect(readDateText(half)).toMatchObject({ value: '', incomplete: true });
});

test('a new action needs a title and a line; optional fields are left out when empty', () => {
  const d = addDraft('AL1');
  expect(isDirty(d)).toBe(false);
  expect(validate({ ...d, line: '' })).toEqual({ title: 'Vul de actie in.', line: 'Kies een actielijn.' });
  expect(validate({ ...d, title: 'x'.repeat(201) }).title).toBe('De actie is te lang: 201 tekens, hoogstens 200.');
  expect(newActionInput({ ...d, title: '  Voorlichting  ', owner: ' ' })).toEqual({ actie: 'Voorlichting', actielijn: 'AL1', status: 'Niet gestart' });
  expect(newActionInput({ ...d, title: 'x', deadline: { value: '2025-10-01', incomplete: false }, note: 'n' })).toMatchObject({ deadline: '2025-10-01', toelichting: 'n' });
});

test('the list: markers from the Peildatum, sorted by deadline with none last, filters', () => {
  const ref = '2025-06-15';
  expect(markerOf(action({ deadline: '2025-06-14' }), ref)).toBe('overdue');
  expect(markerOf(action({ deadline: '2025-06-15' }), ref)).toBe('dueSoon');
  // 15-06 + 30 days = 15-07.
  expect(markerOf(action({ deadline: '2025-07-15' }), ref)).toBe('dueSoon');
  expect(markerOf(action({ deadline: '2025-07-16' }), ref)).toBeNull();
  expect(markerOf(action({ deadline: '2025-01-01', status: 'Afgerond' }), ref)).toBeNull();
  expect(markerOf(action({ deadline: '2025-01-01', status: 'Uitgesteld' }), ref)).toBe('overdue');
  const list = [action({ id: 'A-10', row: 2, deadline: null }), action({ id: 'A-9', row: 3, deadline: '2025-08-01' }), action({ id: 'A-2', row: 4, deadline: '2025-08-01' })];
  expect(sortByDeadline(list).map((a) => a.id)).toEqual(['A-2', 'A-9', 'A-10']);
  expect(matchesFilter(action({ status: 'Geschrapt' }), 'open', ref)).toBe(false);
  expect(matchesFilter(action({ status: 'Geschrapt' }), 'all', ref)).toBe(true);
});

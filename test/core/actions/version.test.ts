import { changedFields, compareVersions, stampInstant, stampKey } from '../../../src/core/actions/version';

test('a stamp is its instant to the nearest second, so a few milliseconds of storage do not count as a change', () => {
  expect(stampKey(new Date('2025-03-14T14:03:07.400Z'))).toBe('2025-03-14T14:03:07.000Z');
  expect(stampKey(new Date('2025-03-14T14:03:07.600Z'))).toBe('2025-03-14T14:03:08.000Z');
  // written as stampInstant gives it, read back 3 ms off: the same version
  const written = stampInstant(new Date('2025-03-14T14:03:07.600Z'));
  expect(stampKey(new Date(written.getTime() - 3))).toBe(stampKey(written));
  expect([stampKey(''), stampKey(null), stampKey('  14-03-2025 ')]).toEqual([null, null, '14-03-2025']);
  expect(stampKey(new Date(NaN))).toBe('ongeldige datum');
});

test('the fields the form edits are compared by value: status ignoring case and spaces, note ignoring outer spaces', () => {
  const base = { updatedAt: null, status: 'Loopt', deadline: '2025-07-01', note: 'a' };
  expect(changedFields(base, { ...base, status: ' loopt', note: 'a ' })).toEqual([]);
  expect(changedFields(base, { ...base, status: 'Afgerond', deadline: null, note: 'b' })).toEqual(['status', 'deadline', 'note']);
  expect(compareVersions(base, { ...base })).toEqual({ same: true });
  expect(compareVersions(base, { ...base, updatedAt: '2025-03-14T14:03:07.000Z' })).toEqual({ same: false, changed: [], stampChanged: true });
});

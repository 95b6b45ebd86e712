import { MAX_NOTE_LENGTH, parseActionUpdate } from '../../../src/core/actions/update';

describe('parseActionUpdate', () => {
  it('accepts status, toelichting and deadline', () => {
    expect(parseActionUpdate(' A-001 ', { status: 'Afgerond', toelichting: 'klaar', deadline: '2025-02-28' })).toEqual({
      ok: true,
      id: 'A-001',
      changes: { status: 'Afgerond', toelichting: 'klaar', deadline: '2025-02-28' },
    });
  });

  it("accepts '' to clear the deadline and a leap day", () => {
    expect(parseActionUpdate('A-1', { deadline: '' })).toEqual({ ok: true, id: 'A-1', changes: { deadline: '' } });
    expect(parseActionUpdate('A-1', { deadline: '2024-02-29' }).ok).toBe(true);
  });

  it('refuses an unknown status in Dutch', () => {
    const r = parseActionUpdate('A-001', { status: 'Klaar' });
    expect(r).toEqual({ ok: false, error: expect.stringContaining('Onbekende status') });
  });

  it.each(['2025-02-29', '2025-13-01', '15-03-2025', '2025-3-1'])('refuses the deadline %s', (deadline) => {
    const r = parseActionUpdate('A-001', { deadline });
    expect(r).toEqual({ ok: false, error: expect.stringContaining('Deadline is geen geldige datum') });
  });

  it('refuses fields that may not be changed', () => {
    const r = parseActionUpdate('A-001', { status: 'Loopt', geraamd: 1000000, gemeente: 'Tiel' });
    expect(r).toEqual({ ok: false, error: expect.stringContaining('niet: geraamd, gemeente') });
  });

  it('refuses a note that is too long, a missing ID, no changes and non-objects', () => {
    expect(parseActionUpdate('A-1', { toelichting: 'x'.repeat(MAX_NOTE_LENGTH + 1) })).toEqual({ ok: false, error: expect.stringContaining('te lang') });
    expect(parseActionUpdate('A-1', { toelichting: 'x'.repeat(MAX_NOTE_LENGTH) }).ok).toBe(true);
    expect(parseActionUpdate('  ', { status: 'Loopt' })).toEqual({ ok: false, error: 'Actie-ID ontbreekt.' });
    expect(parseActionUpdate(12, { status: 'Loopt' })).toEqual({ ok: false, error: 'Actie-ID ontbreekt.' });
    expect(parseActionUpdate('A-1', {})).toEqual({ ok: false, error: expect.stringContaining('niets om te wijzigen') });
    expect(parseActionUpdate('A-1', 'Afgerond')).toEqual({ ok: false, error: expect.stringContaining('moeten een object zijn') });
    expect(parseActionUpdate('A-1', { status: 3 })).toEqual({ ok: false, error: expect.stringContaining('Onbekende status') });
  });
});

describe('the sidebar API spelling (src/server/api.ts)', () => {
  it('accepts note for toelichting and null to clear the deadline, but not both note and toelichting', () => {
    expect(parseActionUpdate('A-1', { note: 'x', deadline: null })).toEqual({ ok: true, id: 'A-1', changes: { toelichting: 'x', deadline: '' } });
    expect(parseActionUpdate('A-1', { note: 'x', toelichting: 'y' })).toEqual({ ok: false, error: expect.stringContaining('niet beide') });
  });
});

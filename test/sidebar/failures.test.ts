/** Issue 18: Google's errors have one Dutch wording, whether the server or the sidebar translates them. */
import { LOCK_BUSY_MESSAGE } from '../../src/adapters/appsscript/runtime';
import { dutchError, publicError } from '../../src/core/errors';
import { describeFailure } from '../../sidebar/client';

const GOOGLE_ERRORS = [
  'Exception: Lock timeout: another process was holding the lock for too long.',
  'Exception: You are trying to edit a protected cell or object.',
  'Exceeded maximum execution time',
  'Exception: Service Spreadsheets timed out while accessing document',
  'Exception: Authorization is required to perform that action.',
  'Exception: Service invoked too many times for one day: email.',
  'Exception: Service Spreadsheets failed while accessing document with id 1AbC.',
];

test('the server and the sidebar give the same Dutch sentence for the same Google error', () => {
  for (const english of GOOGLE_ERRORS) {
    const server = dutchError(new Error(english)).message;
    expect([english, describeFailure(new Error(english)).message]).toEqual([english, server]);
    // What a public function throws starts with that sentence, its original on a details line.
    expect([english, (publicError(new Error(english)) as Error).message.split('\n')[0]]).toEqual([english, server]);
  }
});

test('the runtime says the lock is taken in the same words, and the sidebar shows them as they are', () => {
  expect(LOCK_BUSY_MESSAGE).toBe(dutchError(new Error('Lock timeout')).message);
  expect(describeFailure(new Error(`Error: ${LOCK_BUSY_MESSAGE}`))).toEqual({ message: LOCK_BUSY_MESSAGE, detail: null });
});

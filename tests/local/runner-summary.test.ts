// The test runner's summary names the error when vitest exits non-zero with every test passed: on CI only the end of
// the output is kept, and a session once failed to land on "vitest exited with an error" with nothing else to go on.
import { describe, expect, it } from 'vitest';
import { unhandledErrors } from '../../local/test/runner.ts';

/** What vitest 3 prints for a rejection nobody handled (recorded from a real run, paths shortened). */
const vitestOutput = `
 ✓ tests/local/faults.serial.test.ts (1 test) 61020ms

⎯⎯⎯⎯⎯⎯ Unhandled Errors ⎯⎯⎯⎯⎯⎯

Vitest caught 1 unhandled error during the test run.
This might cause false positive tests. Resolve unhandled errors to make sure your tests are not affected.

⎯⎯⎯⎯ Unhandled Rejection ⎯⎯⎯⎯⎯
TypeError: Cannot read properties of null (reading 'write')
 ❯ Timeout._onTimeout tests/local/faults.serial.test.ts:3:37
      1| import { it, expect } from 'vitest';
      2| it('passes but leaves a rejection behind', async () => {
      3|   setTimeout(() => { Promise.reject(new TypeError("Cannot read propert…
       |                                     ^
      4|   await new Promise((r) => setTimeout(r, 50));
      5|   expect(1).toBe(1);
 ❯ listOnTimeout node:internal/timers:581:17
 ❯ processTimers node:internal/timers:519:7

This error originated in "tests/local/faults.serial.test.ts" test file. It doesn't mean the error was thrown inside the file itself, but while it was running.
The latest test that might've caused the error is "passes but leaves a rejection behind". It might mean one of the following:
- The error was thrown, while Vitest was running this test.
- If the error occurred after the test had been completed, this was the last documented test before it was thrown.
⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯



 Test Files  1 passed (1)
      Tests  1 passed (1)
     Errors  1 error
`;

describe('unhandledErrors', () => {
  it('repeats the error and the file it came from', () => {
    expect(unhandledErrors(vitestOutput)).toEqual([
      "TypeError: Cannot read properties of null (reading 'write')",
      expect.stringContaining('This error originated in "tests/local/faults.serial.test.ts" test file.'),
      expect.stringContaining('The latest test that might\'ve caused the error is "passes but leaves a rejection behind".'),
    ]);
  });

  it('reads through colour codes', () => {
    const coloured = vitestOutput.replace('TypeError:', '\u001b[31mTypeError:\u001b[39m').replace('⎯⎯⎯⎯ Unhandled Rejection', '\u001b[31m⎯⎯⎯⎯ Unhandled Rejection');
    expect(unhandledErrors(coloured)[0]).toBe("TypeError: Cannot read properties of null (reading 'write')");
  });

  it('says so when the output has no such block', () => {
    expect(unhandledErrors(' Test Files  1 passed (1)\n')).toEqual(['no unhandled-error block in the output: see the vitest output above']);
  });
});

// Prints the plain closing line CI reads ("Tests: N passed, N failed"), after jest's own summary.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    // Deferred: jest's own summary reporter always runs last, and this line should close the output.
    setTimeout(() => process.stderr.write(`\nTests: ${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}\n`), 0);
  }
}
module.exports = SummaryReporter;

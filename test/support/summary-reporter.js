/**
 * Ends every jest run with one plain line, "tests: N passed, N failed, N skipped", which CI
 * and people can read without knowing jest's own summary format.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    process.stdout.write(`\ntests: ${results.numPassedTests} passed, ${failed} failed, ${results.numPendingTests + results.numTodoTests} skipped\n`);
  }
}

module.exports = SummaryReporter;

/**
 * Ends every jest run with one plain line, "tests: N passed, N failed, N skipped", which CI
 * and people can read without knowing jest's own summary format, and says when the tests that
 * need Redis were skipped for want of one.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stdout.write(`\ntests: ${results.numPassedTests} passed, ${failed} failed, ${skipped} skipped\n`);
    // set by test/support/test-redis.ts when no Redis could be had
    const noRedis = process.env.TEST_REDIS_MISSING;
    if (noRedis) process.stdout.write(`NOTICE: the tests that need Redis were skipped (${skipped} skipped in all): ${noRedis}; set TEST_REDIS_URL or install redis-server\n`);
    // set by test/support/browser.ts when no Chromium could be found
    const noBrowser = process.env.TEST_BROWSER_MISSING;
    if (noBrowser) process.stdout.write(`NOTICE: the browser tests were skipped (${skipped} skipped in all): ${noBrowser}; install Debian's chromium or set CHROMIUM_PATH\n`);
  }
}

module.exports = SummaryReporter;

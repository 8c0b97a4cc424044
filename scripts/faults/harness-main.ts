/**
 * Runs a harness's `main` (which resolves to its exit code) and then `stopEverything`, which
 * stops every server it started, by pid; on Ctrl-C or SIGTERM the servers are stopped first, so
 * an interrupted run leaves no process behind.
 */
export function runHarness(label: string, main: () => Promise<number>, stopEverything: () => Promise<void>): void {
  let stopping = false;
  const interrupt = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`\n${signal}: stopping every server this run started …`);
    void stopEverything().finally(() => process.exit(130));
  };
  process.once('SIGINT', () => interrupt('SIGINT'));
  process.once('SIGTERM', () => interrupt('SIGTERM'));

  void main()
    .catch((error: Error) => {
      console.error(`${label} could not run: ${error.stack ?? error.message}`);
      return 1;
    })
    .then(async (code) => {
      // Interrupted: the signal handler stops everything and exits.
      if (stopping) return;
      stopping = true;
      await stopEverything().catch((error: Error) => console.error(`while stopping: ${error.message}`));
      process.exit(code);
    });
}

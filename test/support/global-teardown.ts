/** Stops the embedded PostgreSQL and the Redis that global-setup started, if it started them. */
export default async function globalTeardown(): Promise<void> {
  const started = globalThis as { __embeddedPostgres?: { stop(): Promise<void> }; __stopTestRedis?: () => Promise<void> };
  await started.__stopTestRedis?.();
  await started.__embeddedPostgres?.stop();
}

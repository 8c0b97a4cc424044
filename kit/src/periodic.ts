import { logger } from './logger';
import { inBackground } from './request-scope';

/** Work a subgraph runs in the background for as long as it runs (a sweep, a queue worker). */
export interface BackgroundJob {
  start(): unknown;
  /** Stops, waiting for work in progress. */
  stop(): Promise<void>;
}

/**
 * Runs `task` every `intervalMs`, never two runs at once, and stops cleanly (waiting for the
 * run in progress). Safe with replicas when the task locks what it works on
 * (`for update skip locked`).
 */
export class PeriodicTask implements BackgroundJob {
  private timer?: NodeJS.Timeout;
  private current?: Promise<void>;
  private stopped = false;

  constructor(private readonly name: string, private readonly intervalMs: number, private readonly task: () => Promise<unknown>) {}

  start(): this {
    this.schedule();
    return this;
  }

  /** Runs the task now (after the run in progress, if any) and resolves when it is done. */
  async runNow(): Promise<void> {
    await this.current;
    this.current = this.runOnce();
    await this.current;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.current;
  }

  private schedule(): void {
    if (this.stopped) return;
    // Started by whoever called start() (maybe a request): the runs must not join its trace.
    this.timer = inBackground(() => setTimeout(async () => {
      this.current = this.runOnce();
      await this.current;
      this.current = undefined;
      this.schedule();
    }, this.intervalMs));
    this.timer.unref?.();
  }

  private async runOnce(): Promise<void> {
    try {
      await this.task();
    } catch (error) {
      logger.error({ err: error, task: this.name }, 'periodic task failed; it runs again at the next interval');
    }
  }
}

import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** The project's folder: every server runs from it. */
export const ROOT = path.resolve(__dirname, '..', '..');

/** Monotonic milliseconds: every time the harness compares comes from here. */
export const now = (): number => performance.now();

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `probe` until it returns something other than undefined/false, and returns that; or
 * undefined after `timeoutMs`.
 */
export async function waitFor<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs: number, intervalMs = 50): Promise<T | undefined> {
  const deadline = now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (now() > deadline) return undefined;
    await sleep(intervalMs);
  }
}

/** True when `url` answers 2xx within a second. */
export async function answersOk(url: string): Promise<boolean> {
  return fetch(url, { signal: AbortSignal.timeout(1000) }).then(
    (response) => response.ok,
    () => false,
  );
}

/** An exit the harness did not ask for. */
export interface UnexpectedExit {
  at: number;
  pid: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** the end of its log as it died: what CI prints, since the log itself stays on the CI machine */
  logTail: string;
}

/**
 * One server the harness runs (a subgraph, the gateway, Redis): started as a child process with
 * its output in a log file of its own, signalled and stopped by its pid, started again with the
 * same command and environment. An exit the harness did not cause is remembered, so a fault
 * that makes a server die is seen however the load fares.
 */
export class ServerProcess {
  private child?: ChildProcess;
  private expectingExit = false;
  readonly unexpectedExits: UnexpectedExit[] = [];
  /** every pid this server had, in order */
  readonly pids: number[] = [];

  constructor(
    readonly name: string,
    private readonly command: string,
    private readonly args: string[],
    private readonly env: NodeJS.ProcessEnv,
    readonly logFile: string,
    /** whether the process (by its pid) is ready */
    private readonly isReady: (pid: number) => Promise<boolean>,
  ) {}

  get pid(): number | undefined {
    return this.running ? this.child?.pid : undefined;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts the process and resolves once it is ready. @throws with the end of its log when it exits or is not ready in time */
  async start(timeoutMs = 120_000): Promise<void> {
    if (this.running) throw new Error(`${this.name} is already running (pid ${this.pid})`);
    const log = fs.openSync(this.logFile, 'a');
    fs.writeSync(log, `\n--- start ${new Date().toISOString()}\n`);
    const child = spawn(this.command, this.args, { cwd: ROOT, env: this.env, stdio: ['ignore', log, log] });
    fs.closeSync(log);
    this.child = child;
    this.expectingExit = false;
    if (child.pid) this.pids.push(child.pid);
    child.once('exit', (code, signal) => {
      if (!this.expectingExit) this.unexpectedExits.push({ at: now(), pid: child.pid ?? -1, code, signal, logTail: this.logTail(40) });
    });
    const ready = await waitFor(async () => {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${this.name} exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${this.logTail()}`);
      return this.isReady(child.pid ?? -1);
    }, timeoutMs, 100);
    if (!ready) throw new Error(`${this.name} was not ready within ${timeoutMs} ms:\n${this.logTail()}`);
  }

  /**
   * Sends `signal` to the process and waits for it to exit; one still running after `graceMs`
   * is killed (SIGKILL). Resolves at once when it is not running.
   */
  async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 10_000): Promise<{ forced: boolean }> {
    const child = this.child;
    if (!child || !this.running || !child.pid) return { forced: false };
    this.expectingExit = true;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    signalProcess(child.pid, signal);
    const inTime = await Promise.race([exited.then(() => true), sleep(graceMs).then(() => false)]);
    if (inTime) return { forced: false };
    signalProcess(child.pid, 'SIGKILL');
    await exited;
    return { forced: true };
  }

  /** The last lines of the process's log. */
  logTail(lines = 15): string {
    if (!fs.existsSync(this.logFile)) return '(no log)';
    return fs.readFileSync(this.logFile, 'utf8').trimEnd().split('\n').slice(-lines).map((line) => `  | ${line}`).join('\n');
  }
}

/** Signals one process by its pid; one that has just exited is no error. */
function signalProcess(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** True when a Redis server answers PING on `port`. */
export function redisAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

/**
 * Whether process `pid` holds the listening socket of `port`: a server that answers on its port
 * may be somebody else's that took the port first. Linux only (/proc); elsewhere not checked.
 */
export function listensOn(pid: number, port: number): boolean {
  let table: string;
  try {
    table = ['/proc/net/tcp', '/proc/net/tcp6'].map((file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '')).join('\n');
  } catch {
    return true;
  }
  if (!table.trim()) return true;
  const hexPort = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  // Columns: sl, local address, remote address, state (0A = LISTEN), queues, timers, retransmits, uid, timeout, inode.
  const sockets = new Set(table.split('\n').map((line) => line.trim().split(/\s+/)).filter((f) => f[1]?.endsWith(hexPort) && f[3] === '0A').map((f) => `socket:[${f[9]}]`));
  try {
    return fs.readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try {
        return sockets.has(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
}

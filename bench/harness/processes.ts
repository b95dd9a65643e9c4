/**
 * The processes the bench starts: builds, `vite preview` servers (each stopped with its process
 * group), Node benchmarks in processes of their own, and the wait for a quiet machine.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import os from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { log, round, sleep } from './util.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** How long the bench waits at most for other work on the machine to calm down. */
const QUIET_WAIT_MS = 30_000;

/** Runs `npx …` in the repository; its output is shown only when it fails. */
export function npx(args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn('npx', args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', fail);
    child.on('exit', (code) =>
      code === 0 ? done() : fail(new Error(`npx ${args.join(' ')} failed (${code}):\n${output}`)),
    );
  });
}

/**
 * Runs a TypeScript module of the bench in a Node process of its own and parses the JSON it
 * prints: a measurement's heap then holds only what it measures (the 100 000 generated points
 * and the browser driver of this process slow a collection-heavy workload by a fifth).
 */
export function runNodeBench<T>(modulePath: string, args: string[] = []): Promise<T> {
  return new Promise((done, fail) => {
    const child = spawn('npx', ['tsx', modulePath, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (errors += chunk));
    child.on('error', fail);
    child.on('exit', (code) =>
      code === 0
        ? done(JSON.parse(output) as T)
        : fail(new Error(`${modulePath} failed (${code}):\n${errors}`)),
    );
  });
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

const servers: ChildProcess[] = [];

/** Starts `vite preview` (in its own process group, so that stopping it stops npx's child too). */
export async function preview(args: string[]): Promise<string> {
  const port = await freePort();
  const child = spawn('npx', ['vite', 'preview', ...args, '--port', String(port), '--strictPort'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  servers.push(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`vite preview ${args.join(' ')} exited:\n${output}`);
    try {
      if ((await fetch(url)).ok) return url;
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  throw new Error(`vite preview ${args.join(' ')} did not answer on ${url}:\n${output}`);
}

export function stopServers(): void {
  for (const child of servers) {
    if (child.exitCode === null && child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
  }
}

/**
 * Waits (at most QUIET_WAIT_MS) for the 1-minute load average to drop below half the CPUs: other
 * work on the machine (a test run) slows the pages unevenly. Returns the load average then.
 */
export async function waitForQuiet(): Promise<number[]> {
  const deadline = Date.now() + QUIET_WAIT_MS;
  while (os.loadavg()[0]! > os.cpus().length / 2 && Date.now() < deadline) {
    log(`waiting for a quieter machine (load average ${os.loadavg()[0]!.toFixed(2)})`);
    await sleep(5_000);
  }
  return os.loadavg().map((value) => round(value, 2));
}

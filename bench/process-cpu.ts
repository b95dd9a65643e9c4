/**
 * CPU time used by the browser the bench drives: every Chromium process descended from this
 * one (browser, GPU, renderers, utilities), summed from Linux's /proc. With software WebGL on a
 * small machine, a page load can be bound by CPU rather than by waiting: comparing the CPU two
 * pages use with their wall-clock times shows which.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's times (USER_HZ: 100 on every Linux the bench runs on). */
const TICKS_PER_SECOND = 100;

interface ProcessInfo {
  pid: number;
  parent: number;
  cpuMs: number;
  command: string;
}

function readProcess(pid: number): ProcessInfo | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name in parentheses may hold spaces: the fields start after its last ")".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const userTicks = Number(fields[11]);
    const systemTicks = Number(fields[12]);
    return {
      pid,
      parent: Number(fields[1]),
      cpuMs: ((userTicks + systemTicks) * 1000) / TICKS_PER_SECOND,
      command: readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? '',
    };
  } catch {
    return null; // gone since the listing, or not readable
  }
}

/**
 * Milliseconds of CPU used so far by the Chromium processes under this process, or null where
 * /proc is not there to read.
 */
export function browserCpuMs(root = process.pid): number | null {
  let pids: number[];
  try {
    pids = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map(Number);
  } catch {
    return null;
  }
  const processes = pids.map(readProcess).filter((info): info is ProcessInfo => info !== null);
  const children = new Map<number, ProcessInfo[]>();
  for (const info of processes) {
    const siblings = children.get(info.parent);
    if (siblings) siblings.push(info);
    else children.set(info.parent, [info]);
  }
  let total = 0;
  const pending = [...(children.get(root) ?? [])];
  while (pending.length > 0) {
    const info = pending.pop()!;
    if (/chrom/i.test(info.command)) total += info.cpuMs;
    pending.push(...(children.get(info.pid) ?? []));
  }
  return total;
}

// Pins a process (all its threads) to one CPU core with taskset, so that the process measured and
// the stand-ins playing Slack's or Microsoft's servers do not take each other's CPU.
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';

/** False where it cannot be done (no taskset, one core): the figures are then for shared cores. */
export function pinToCore(pid: number, core: number): boolean {
  if (process.platform !== 'linux' || cpus().length < 2) return false;
  try {
    execFileSync('taskset', ['-a', '-p', '-c', String(core), String(pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

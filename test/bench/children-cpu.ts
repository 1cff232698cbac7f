// CPU time of the child processes this process has waited for, their own children included (a lint's git
// processes): Linux's /proc/self/stat cutime + cstime, in clock ticks of 10 ms. NaN elsewhere.
import { readFileSync } from 'node:fs';

export function childrenCpuMs(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return Number.NaN;
  }
}

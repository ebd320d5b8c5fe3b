import { readFileSync } from 'node:fs';

/** Resident memory of a process (Linux /proc), in MB; 0 once it is gone. */
export function rssMb(pid: number): number {
  try {
    const kb = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    return kb / 1024;
  } catch {
    return 0;
  }
}

/** Samples the RSS of some processes every 200 ms until stopped; reports the highest seen. */
export function sampleRss(pids: Record<string, number>): { stop(): Record<string, number> } {
  const peak: Record<string, number> = Object.fromEntries(Object.keys(pids).map((name) => [name, 0]));
  const timer = setInterval(() => {
    for (const [name, pid] of Object.entries(pids)) peak[name] = Math.max(peak[name]!, rssMb(pid));
  }, 200);
  return {
    stop() {
      clearInterval(timer);
      for (const [name, pid] of Object.entries(pids)) peak[name] = Math.max(peak[name]!, rssMb(pid));
      return peak;
    },
  };
}

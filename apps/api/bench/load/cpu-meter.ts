import * as fs from 'fs';

/**
 * CPU time spent by the parts of the load test, read from /proc: the API processes, PostgreSQL (all its
 * processes: backends, WAL writer, checkpointer), this load generator, and the whole machine. Per completed
 * task this says where the two cores went, a figure that holds up better than throughput when other work
 * shares the machine.
 */
const TICK_MS = 10; // Linux USER_HZ is 100 on every platform node runs on here

export interface CpuSample {
  api: number;
  /** Of `api`, the part spent in the kernel (socket writes and wake-ups of the other processes). */
  apiKernel: number;
  postgres: number;
  /** Of `postgres`, the bench database's connections and the server's WAL writer, checkpointer and background
   * writer: other databases' work on a shared server (other checkouts' tests) is left out of this one. */
  postgresBench: number;
  loadGenerator: number;
  machineBusy: number;
}

function processTicks(pid: number, part: 'all' | 'kernel' = 'all'): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are the 14th and 15th of the line.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (part === 'all' ? Number(fields[11]) : 0) + Number(fields[12]);
  } catch {
    return 0; // gone between listing and reading
  }
}

function postgresPids(): number[] {
  return fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return fs.readFileSync(`/proc/${d}/comm`, 'utf8').trim() === 'postgres';
      } catch {
        return false;
      }
    })
    .map(Number);
}

function machineBusyTicks(): number {
  const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number);
  const idle = cpu[3] + cpu[4]; // idle + iowait
  return cpu.reduce((a, b) => a + b, 0) - idle;
}

/** `benchPostgresPids`: the PostgreSQL processes that serve the bench (see `CpuSample.postgresBench`). */
export function sampleCpu(apiPids: number[], benchPostgresPids: number[] = []): CpuSample {
  const self = process.cpuUsage();
  return {
    api: apiPids.reduce((s, pid) => s + processTicks(pid), 0) * TICK_MS,
    apiKernel: apiPids.reduce((s, pid) => s + processTicks(pid, 'kernel'), 0) * TICK_MS,
    postgres: postgresPids().reduce((s, pid) => s + processTicks(pid), 0) * TICK_MS,
    postgresBench: benchPostgresPids.reduce((s, pid) => s + processTicks(pid), 0) * TICK_MS,
    loadGenerator: (self.user + self.system) / 1000,
    machineBusy: machineBusyTicks() * TICK_MS,
  };
}

/** Milliseconds of CPU per completed task between two samples, by part; `other` is whatever else ran. */
export function cpuPerCompletion(before: CpuSample, after: CpuSample, completions: number) {
  const per = (k: keyof CpuSample) => (after[k] - before[k]) / Math.max(1, completions);
  const api = per('api');
  const postgres = per('postgres');
  const loadGenerator = per('loadGenerator');
  const machine = per('machineBusy');
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    api: round(api),
    apiKernel: round(per('apiKernel')),
    postgres: round(postgres),
    postgresBench: round(per('postgresBench')),
    loadGenerator: round(loadGenerator),
    other: round(Math.max(0, machine - api - postgres - loadGenerator)),
    machine: round(machine),
  };
}

export interface WorkerLog {
  error(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

/**
 * Runs `task` once after `firstMs`, then every `intervalMs`, never twice at once in this process;
 * other instances are the task's own business (a lock, `skip locked`, a unique key). A failure is
 * logged and the next round tries again. Timers are unref'd: they never keep a process alive.
 * Returns what stops it.
 */
export function startPeriodic(options: {
  firstMs: number;
  intervalMs: number;
  log: WorkerLog;
  failure: string;
  task: () => Promise<void>;
}): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await options.task();
    } catch (error) {
      options.log.error({ err: error }, options.failure);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(run, options.firstMs);
  const timer = setInterval(run, options.intervalMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}

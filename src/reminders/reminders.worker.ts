import { runReminders, type ReminderDeps } from './reminders.service';

/**
 * Runs the scheduler two minutes after the start, then every 15 minutes; started with the outbox
 * worker (off in tests: they call runReminders with their own clock). Every instance may run it:
 * each reminder's unique key lets only one of them write it.
 */
export function startReminderWorker(
  deps: ReminderDeps,
  log: { error(obj: object, msg: string): void; info(obj: object, msg: string): void },
  intervalMs = 15 * 60_000,
) {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const { queued } = await runReminders(deps);
      if (queued > 0) log.info({ reminders: queued }, 'reminders queued');
    } catch (error) {
      log.error({ err: error }, 'reminders failed');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(run, 120_000);
  const timer = setInterval(run, intervalMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}

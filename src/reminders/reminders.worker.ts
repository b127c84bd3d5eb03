import { runReminders, type ReminderDeps } from './reminders.service';
import { startPeriodic, type WorkerLog } from '../shared/periodic';

/**
 * Runs the scheduler two minutes after the start, then every 15 minutes; started with the outbox
 * worker (off in tests: they call runReminders with their own clock). Every instance may run it:
 * each reminder's unique key lets only one of them write it.
 */
export function startReminderWorker(deps: ReminderDeps, log: WorkerLog, intervalMs = 15 * 60_000) {
  return startPeriodic({
    firstMs: 120_000,
    intervalMs,
    log,
    failure: 'reminders failed',
    task: async () => {
      const { queued } = await runReminders(deps);
      if (queued > 0) log.info({ reminders: queued }, 'reminders queued');
    },
  });
}

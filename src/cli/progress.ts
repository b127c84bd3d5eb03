import cliProgress from 'cli-progress';

/** A progress bar on a terminal, plain lines otherwise (CI logs, pipes). */
export function progressBar(label: string, unit: string) {
  if (!process.stderr.isTTY) {
    let last = 0;
    return {
      update(value: number, total?: number) {
        if (Date.now() - last < 1_000) return;
        last = Date.now();
        process.stderr.write(`${label}: ${value}${total ? `/${total}` : ''} ${unit}\n`);
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {value}/{total} ${unit}`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(value: number, total?: number) {
      if (!started) {
        bar.start(total ?? value, value);
        started = true;
      }
      if (total !== undefined) bar.setTotal(total);
      else if (value > bar.getTotal()) bar.setTotal(value);
      bar.update(value);
    },
    stop: () => started && bar.stop(),
  };
}

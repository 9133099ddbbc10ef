/**
 * Progress for long commands, on stderr so stdout stays parseable: a redrawn
 * bar on a terminal, one line per step otherwise (CI logs, pipes).
 */
export interface Progress {
  step(label: string): void;
  done(summary?: string): void;
}

export function progress(title: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  let current = 0;
  const started = Date.now();
  const width = 24;
  const render = (label: string) => {
    const filled = total === 0 ? width : Math.round((current / total) * width);
    const bar = `${'#'.repeat(filled)}${'.'.repeat(width - filled)}`;
    return `${title} [${bar}] ${current}/${total} ${label}`;
  };
  return {
    step(label) {
      current = Math.min(total, current + 1);
      if (stream.isTTY) {
        stream.clearLine(0);
        stream.cursorTo(0);
        stream.write(render(label).slice(0, (stream.columns || 80) - 1));
      } else {
        stream.write(`${render(label)}\n`);
      }
    },
    done(summary) {
      if (stream.isTTY) stream.write('\n');
      stream.write(`${title}: ${summary ?? 'done'} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
    },
  };
}

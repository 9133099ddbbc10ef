import readline from 'node:readline';

/**
 * Reads a secret without echoing it on a terminal, or the first line of stdin
 * when piped (`printf 'pw' | rewards user create ...`). Never from argv, where
 * `ps` and shell history would show it.
 */
export async function readSecret(prompt: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of input) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  }
  const rl = readline.createInterface({ input, output: process.stderr, terminal: true });
  const mutable = rl as unknown as { _writeToOutput: (text: string) => void };
  let prompted = false;
  mutable._writeToOutput = (text: string) => {
    if (!prompted) {
      process.stderr.write(text);
      prompted = true;
    }
  };
  try {
    return await new Promise<string>((resolve) => rl.question(prompt, resolve));
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}

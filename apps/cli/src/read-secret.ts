import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

/** Reads a password: the first line of piped stdin, or typed without echo on a terminal. */
export async function readSecret(
  input: Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => void },
  output: Writable,
  prompt: string,
): Promise<string> {
  if (!input.isTTY) {
    let data = '';
    for await (const chunk of input) data += String(chunk);
    return data.split(/\r?\n/)[0] ?? '';
  }
  output.write(prompt);
  const rl = createInterface({ input, terminal: true });
  // mute the echo of typed characters
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => undefined;
  const answer = await new Promise<string>((resolve) => rl.question('', resolve));
  rl.close();
  output.write('\n');
  return answer;
}

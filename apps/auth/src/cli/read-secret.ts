/**
 * Reads one line from stdin without echoing it on a terminal; from a pipe, the first line.
 * Secrets never come from argv: the process table and shell history would show them.
 */
export function readSecret(prompt: string): Promise<string> {
  const input = process.stdin;
  return new Promise((resolve, reject) => {
    let buffer = '';
    const done = (value: string) => {
      input.removeListener('data', onData);
      if (input.isTTY) {
        input.setRawMode(false);
        process.stderr.write('\n');
      }
      input.pause();
      resolve(value);
    };
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\u0003') return reject(new Error('interrupted'));
        if (char === '\n' || char === '\r' || char === '\u0004') return done(buffer);
        if (char === '\u007f') buffer = buffer.slice(0, -1);
        else buffer += char;
      }
    };
    if (input.isTTY) {
      process.stderr.write(prompt);
      input.setRawMode(true);
    }
    input.on('data', onData);
    input.once('end', () => done(buffer));
    input.resume();
  });
}

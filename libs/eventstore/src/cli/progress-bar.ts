/** Anything that takes text: process.stderr, or a buffer in a test. */
export interface TextSink {
  write(text: string): unknown;
}

const formatCount = (value: number) => Math.round(value).toLocaleString('en-US');

/** One frame: `[#####-----]  50% 5,000/10,000 events  2,500 events/s`. */
export function renderProgress(done: number, total: number, elapsedMs: number, width = 30) {
  const ratio = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(ratio * width);
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const percent = `${Math.floor(ratio * 100)}%`.padStart(4);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${percent} ${formatCount(done)}/${formatCount(Math.max(done, total))} events  ${formatCount(rate)} events/s`;
}

/** A single redrawn line, at most ten frames a second so a fast rebuild is not slowed down. */
export class ProgressBar {
  private readonly startedAt = Date.now();
  private drawnAt = 0;

  constructor(
    private readonly sink: TextSink,
    private readonly total: number,
  ) {}

  update(done: number): void {
    const now = Date.now();
    if (now - this.drawnAt < 100) return;
    this.drawnAt = now;
    this.sink.write(`\r${renderProgress(done, this.total, now - this.startedAt)}`);
  }

  finish(done: number): void {
    this.sink.write(`\r${renderProgress(done, this.total, Date.now() - this.startedAt)}\n`);
  }
}

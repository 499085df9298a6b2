/**
 * Progress for long CLI work: a bar redrawn in place on a terminal, plain lines otherwise
 * (logs, CI, pipes), so output stays readable in both.
 */
export class Progress {
  private readonly tty: boolean;
  private lastDraw = 0;
  private barShown = false;

  constructor(
    private readonly out: NodeJS.WriteStream = process.stderr,
    tty?: boolean,
  ) {
    this.tty = tty ?? !!out.isTTY;
  }

  /** A line that stays (one per file). */
  line(text: string): void {
    if (this.tty && this.barShown) this.out.write('\r\x1b[2K');
    this.out.write(text + '\n');
    this.barShown = false;
  }

  /** The bar: only on a terminal, at most 20 redraws per second. */
  bar(label: string, done: number, total: number | undefined, detail = ''): void {
    if (!this.tty) return;
    const now = Date.now();
    if (now - this.lastDraw < 50 && done !== total) return;
    this.lastDraw = now;
    const width = 24;
    const frac = total ? Math.min(1, done / total) : 0;
    const bar = total ? '█'.repeat(Math.round(frac * width)).padEnd(width, '░') : '';
    const cols = this.out.columns ?? 100;
    const text = `${label} ${bar} ${done}${total ? `/${total}` : ''} ${detail}`.slice(0, cols - 1);
    this.out.write(`\r\x1b[2K${text}`);
    this.barShown = true;
  }

  done(): void {
    if (this.tty && this.barShown) this.out.write('\r\x1b[2K');
    this.barShown = false;
  }
}

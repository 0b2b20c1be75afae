/** Progress of a long import on stderr, redrawn at most every 100 ms; silent unless stderr is a terminal. */
export interface ProgressBar {
  update(done: number): void;
  finish(): void;
}

const WIDTH = 30;

/**
 * A one-line bar `label [#####.....] 42% 1.2/2.9 MB` for a job of `total` units (bytes). When
 * stderr is not a terminal (a pipe, CI, a test) nothing is written, so output stays parseable.
 */
export function progressBar(args: {
  label: string;
  total: number;
  stream?: NodeJS.WriteStream;
  now?: () => number;
}): ProgressBar {
  const stream = args.stream ?? process.stderr;
  const now = args.now ?? Date.now;
  if (stream.isTTY !== true || args.total <= 0) return { update() {}, finish() {} };
  let last = 0;
  const draw = (done: number) => {
    const share = Math.min(1, done / args.total);
    const filled = Math.round(share * WIDTH);
    const mb = (n: number) => (n / 1e6).toFixed(1);
    stream.write(
      `\r${args.label} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${Math.floor(share * 100)}% ${mb(done)}/${mb(args.total)} MB`,
    );
  };
  return {
    update(done) {
      const t = now();
      if (t - last < 100) return;
      last = t;
      draw(done);
    },
    finish() {
      draw(args.total);
      stream.write('\n');
    },
  };
}

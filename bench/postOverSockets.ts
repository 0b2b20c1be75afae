import { connect, type Socket } from 'node:net';

/**
 * The load generator of `bench/ingest.bench.ts`: POSTs each body once to `target` over
 * `connections` keep-alive TCP connections, one request in flight on each, the requests written
 * as HTTP/1.1 by hand and the answers read just far enough to know their status and where they
 * end. The server under test shares the machine with it, so the client must take as little of
 * the machine as it can: node:http's client costs about 50 µs of CPU a request, this a fraction
 * of that. Every answer must be `expectStatus`; anything else (another status, a connection
 * closed early, an answer this reader cannot delimit) rejects with what the server said.
 * Resolves with the seconds taken, counted from the first byte written.
 */
export async function postOverSockets(options: {
  readonly target: URL;
  readonly bodies: readonly string[];
  readonly connections: number;
  readonly expectStatus: number;
}): Promise<number> {
  const { target, bodies, connections, expectStatus } = options;
  const head = (length: number) =>
    `POST ${target.pathname} HTTP/1.1\r\nHost: ${target.host}\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;
  // Built before the clock starts, like the bodies themselves.
  const requests = bodies.map((body) => {
    const bytes = Buffer.from(body, 'utf8');
    return Buffer.concat([Buffer.from(head(bytes.length), 'latin1'), bytes]);
  });
  const sockets = await Promise.all(
    Array.from(
      { length: Math.min(connections, requests.length) },
      () =>
        new Promise<Socket>((resolve, reject) => {
          const socket = connect({ host: target.hostname, port: Number(target.port) }, () => resolve(socket));
          socket.once('error', reject);
        }),
    ),
  );
  let next = 0;
  const started = performance.now();
  try {
    await Promise.all(
      sockets.map(
        (socket) =>
          new Promise<void>((resolve, reject) => {
            socket.setNoDelay(true);
            let pending: Buffer = Buffer.alloc(0);
            const send = () => {
              if (next >= requests.length) {
                socket.removeAllListeners('data');
                resolve();
                return;
              }
              socket.write(requests[next++]!);
            };
            socket.on('data', (chunk: Buffer) => {
              pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
              let answer: Answer | undefined;
              try {
                answer = readAnswer(pending);
              } catch (error) {
                reject(error);
                socket.destroy();
                return;
              }
              if (answer === undefined) return;
              if (answer.end !== pending.length) {
                reject(new Error('the server sent more than one answer to one request'));
                socket.destroy();
                return;
              }
              pending = Buffer.alloc(0);
              if (answer.status !== expectStatus) {
                reject(new Error(`refused: ${answer.status} ${answer.body}`));
                socket.destroy();
                return;
              }
              send();
            });
            socket.on('error', reject);
            socket.on('close', () => reject(new Error('the server closed a connection with requests left')));
            send();
          }),
      ),
    );
  } finally {
    for (const socket of sockets) socket.destroy();
  }
  return (performance.now() - started) / 1000;
}

interface Answer {
  readonly status: number;
  readonly body: string;
  /** Where in the bytes read the answer ends. */
  readonly end: number;
}

/** The whole answer at the start of `bytes`, or undefined while it has not all arrived. */
export function readAnswer(bytes: Buffer): Answer | undefined {
  const headEnd = bytes.indexOf('\r\n\r\n', 0, 'latin1');
  if (headEnd < 0) return undefined;
  const lines = bytes.toString('latin1', 0, headEnd).split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '');
  if (status === null) throw new Error(`not an HTTP/1.1 answer: ${JSON.stringify(lines[0])}`);
  const header = (name: string) => {
    const line = lines.find((l) => l.toLowerCase().startsWith(`${name}:`));
    return line?.slice(name.length + 1).trim();
  };
  const bodyStart = headEnd + 4;
  const length = header('content-length');
  if (length !== undefined) {
    const end = bodyStart + Number(length);
    if (bytes.length < end) return undefined;
    return { status: Number(status[1]), body: bytes.toString('utf8', bodyStart, end), end };
  }
  if (header('transfer-encoding')?.toLowerCase() !== 'chunked') {
    throw new Error('an answer with neither Content-Length nor chunked encoding');
  }
  const parts: Buffer[] = [];
  let at = bodyStart;
  for (;;) {
    const sizeEnd = bytes.indexOf('\r\n', at, 'latin1');
    if (sizeEnd < 0) return undefined;
    const size = Number.parseInt(bytes.toString('latin1', at, sizeEnd), 16);
    if (Number.isNaN(size)) throw new Error('a chunk without a size');
    const chunkEnd = sizeEnd + 2 + size;
    if (bytes.length < chunkEnd + 2) return undefined;
    if (size === 0) {
      return { status: Number(status[1]), body: Buffer.concat(parts).toString('utf8'), end: chunkEnd + 2 };
    }
    parts.push(bytes.subarray(sizeEnd + 2, chunkEnd));
    at = chunkEnd + 2;
  }
}

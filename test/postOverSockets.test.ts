import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { postOverSockets, readAnswer } from '../bench/postOverSockets.js';

// The ingest benchmark's load generator writes HTTP by hand; these check it against node's own
// server, so that what the benchmark counts as acknowledged was acknowledged.

let server: Server | undefined;

afterEach(async () => {
  await new Promise<void>((resolve) => (server === undefined ? resolve() : server.close(() => resolve())));
  server = undefined;
});

async function serve(answer: (body: string, response: ServerResponse, request: IncomingMessage) => void) {
  const received: string[] = [];
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push(body);
      answer(body, response, request);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { target: new URL(`http://127.0.0.1:${port}/api/orgs/o/actions`), received };
}

describe('postOverSockets', () => {
  it('sends every body once, as a POST with its length, and waits for each answer', async () => {
    const seen: {
      method?: string | undefined;
      url?: string | undefined;
      type?: string | undefined;
      length?: string | undefined;
    }[] = [];
    const { target, received } = await serve((body, response, request) => {
      seen.push({
        method: request.method,
        url: request.url,
        type: request.headers['content-type'],
        length: request.headers['content-length'],
      });
      // Half the answers carry a length, half are chunked in two writes.
      if (JSON.parse(body).index % 2 === 0) {
        response.writeHead(201, { 'content-type': 'application/json' }).end('{"ok":true,"é":1}');
      } else {
        response.writeHead(201, { 'content-type': 'application/json' });
        response.write('{"ok":');
        setImmediate(() => response.end('true}'));
      }
    });
    const bodies = Array.from({ length: 200 }, (_, index) => JSON.stringify({ index, note: 'voté' }));
    const seconds = await postOverSockets({ target, bodies, connections: 7, expectStatus: 201 });
    expect(seconds).toBeGreaterThan(0);
    expect([...received].sort()).toEqual([...bodies].sort());
    expect(new Set(seen.map((s) => `${s.method} ${s.url} ${s.type}`))).toEqual(
      new Set(['POST /api/orgs/o/actions application/json']),
    );
    expect(seen.map((s) => Number(s.length))).toEqual(received.map((b) => Buffer.byteLength(b)));
  });

  it('rejects with the server’s answer when one request is refused', async () => {
    const { target } = await serve((body, response) => {
      const refused = JSON.parse(body).index === 5;
      response.writeHead(refused ? 409 : 201).end(refused ? '{"code":"action/replayed"}' : '{}');
    });
    const bodies = Array.from({ length: 20 }, (_, index) => JSON.stringify({ index }));
    await expect(postOverSockets({ target, bodies, connections: 3, expectStatus: 201 })).rejects.toThrow(
      'refused: 409 {"code":"action/replayed"}',
    );
  });

  it('rejects when the server closes a connection instead of answering', async () => {
    const { target } = await serve((body, response) => {
      if (JSON.parse(body).index === 3) response.socket?.destroy();
      else response.writeHead(201).end('{}');
    });
    const bodies = Array.from({ length: 10 }, (_, index) => JSON.stringify({ index }));
    await expect(postOverSockets({ target, bodies, connections: 1, expectStatus: 201 })).rejects.toThrow(
      'closed a connection',
    );
  });
});

describe('readAnswer', () => {
  const answers = [
    'HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 12\r\n\r\n{"seq":1234}',
    'HTTP/1.1 201 Created\r\ntransfer-encoding: chunked\r\n\r\n6\r\n{"seq"\r\n6\r\n:1234}\r\n0\r\n\r\n',
  ];

  it.each(answers)('waits for the whole answer, byte by byte: %j', (text) => {
    const bytes = Buffer.from(text, 'latin1');
    for (let cut = 0; cut < bytes.length; cut++) expect(readAnswer(bytes.subarray(0, cut))).toBeUndefined();
    expect(readAnswer(bytes)).toEqual({ status: 201, body: '{"seq":1234}', end: bytes.length });
  });

  it('says where the first answer ends when more follows', () => {
    const bytes = Buffer.from(`${answers[0]}HTTP/1.1 201`, 'latin1');
    expect(readAnswer(bytes)?.end).toBe(answers[0]!.length);
  });

  it('refuses what it cannot delimit or is not HTTP', () => {
    expect(() => readAnswer(Buffer.from('HTTP/1.1 201 Created\r\n\r\n{}'))).toThrow('neither Content-Length');
    expect(() => readAnswer(Buffer.from('SSH-2.0-x\r\n\r\n'))).toThrow('not an HTTP/1.1 answer');
  });
});

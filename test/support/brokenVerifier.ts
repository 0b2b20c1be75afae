import { spawnSync } from 'node:child_process';
import { verifyLog } from '../../src/core/log/verifyLog.js';
import { logCrypto } from '../../src/identity/logCrypto.js';
import { readLogFile } from '../../src/log/readLogFile.js';
import { badLineOf, type VerifyJson } from './brokenVerifierReport.js';
import { ROOT } from './builtCli.js';

/**
 * Deliberately broken log verifiers, for showing that `devolve conformance` catches them. Run as
 * `node --import tsx test/support/brokenVerifier.ts <flaw> [args…] <log>`, one flaw each:
 *
 * - `accepts-any-signature`: checks everything but signatures — the verifier of someone who took
 *   rule 6 for optional; says ok or bad by its exit status and prints nothing.
 * - `off-by-one-line`: the real `devolve verify --json`, but it reports the line after the bad one.
 * - `hangs`: never answers.
 */
const [flaw, ...rest] = process.argv.slice(2);
const log = rest.at(-1)!;

if (flaw === 'accepts-any-signature') {
  const result = await verifyLog({
    lines: readLogFile({ file: log }),
    crypto: { sha256Hex: logCrypto.sha256Hex, verifySignature: () => true },
  });
  process.exitCode = result.ok ? 0 : 1;
} else if (flaw === 'off-by-one-line') {
  const verified = spawnSync(process.execPath, [`${ROOT}/bin/devolve.js`, 'verify', '--json', ...rest], {
    encoding: 'utf8',
  });
  const bad = badLineOf(JSON.parse(verified.stdout) as VerifyJson);
  if (bad !== undefined) console.log(JSON.stringify({ line: bad.line + 1, rule: bad.rule }));
  process.exitCode = verified.status ?? 2;
} else if (flaw === 'hangs') {
  setInterval(() => {}, 60_000);
} else {
  console.error(`brokenVerifier: unknown flaw '${flaw}'`);
  process.exitCode = 2;
}

import { parse } from 'yaml';
import { createKey, type LoadedSigningKey, loadSigningKey, readKeyFile } from '../identity/keyFile.js';
import { signAction } from '../identity/signAction.js';
import type { EventStore } from '../store/EventStore.js';
import { DEMO_FOUNDER, demoHistory, SLIDER_MOVE_DAY } from './demoHistory.js';

const DAY_MS = 86_400_000;
/** Actions taken on the same day are a minute apart. */
const STEP_MS = 60_000;
const FIRST_STATEMENT = 'https://treasury.lumen.example/statements/1';

/**
 * The sample evidence's treasury attestations, as a slider-move payload carries them, none dated
 * after `at` (an attestation cannot come from the future of the move that cites it), each with
 * its evidence link.
 */
function treasuryEvidence(evidenceText: string | undefined, at: Date): unknown {
  const sample = (evidenceText === undefined ? {} : parse(evidenceText)) as { attestations?: unknown };
  const day = at.toISOString().slice(0, 10);
  const attestations = (Array.isArray(sample.attestations) ? sample.attestations : [])
    .filter(
      (a): a is Record<string, unknown> => typeof a === 'object' && a !== null && a['unit'] === 'treasury',
    )
    // By the move, the dashboard's first monthly statement is out: the link the sample still lacks.
    .map((a) => ({ evidence: FIRST_STATEMENT, ...a, at: [String(a['at']), day].sort()[0] }));
  return { evidence: 1, attestations, observations: [] };
}

/**
 * Gives every demo member but the founder a key of their own in the demo's key file (named after
 * them, so `--keys <file> --key jonas --as jonas` acts as Jonas), then signs and records the demo
 * history after the charter, each action issued and recorded at its step's past time.
 *
 * @example
 * await recordDemoHistory({ store, org: 'lumen-protocol', members, keysFile, start, evidenceText });
 */
export async function recordDemoHistory(args: {
  store: EventStore;
  org: string;
  keysFile: string;
  /** Every member of the demo organization; all but the founder get a key of their own. */
  members: readonly string[];
  /** When the charter was recorded: day 0 of the history. */
  start: Date;
  /** The demo's sample evidence (YAML), whose treasury attestations the slider move cites. */
  evidenceText: string | undefined;
}): Promise<number> {
  const { store, org, keysFile, start } = args;
  const members = args.members.filter((m) => m !== DEMO_FOUNDER);
  const named = new Set((await readKeyFile({ file: keysFile })).map((k) => k.name));
  for (const member of members)
    if (!named.has(member))
      await createKey({ file: keysFile, type: 'ed25519', name: member, now: new Date() });
  const signers = new Map<string, LoadedSigningKey>([[DEMO_FOUNDER, await loadSigningKey({ keysFile })]]);
  for (const member of members) signers.set(member, await loadSigningKey({ keysFile, name: member }));

  const evidence = treasuryEvidence(args.evidenceText, new Date(start.getTime() + SLIDER_MOVE_DAY * DAY_MS));
  const steps = demoHistory({ start, evidence, members });
  let head = (await store.readHead({ org })).head;
  let clock = start.getTime();
  for (const step of steps) {
    clock = Math.max(clock + STEP_MS, start.getTime() + step.day * DAY_MS);
    const now = new Date(clock);
    const signer = signers.get(step.actor)!;
    const signed = signAction({
      key: signer.key,
      org,
      kind: step.kind,
      actor: step.actor,
      payload: step.payload,
      head,
      now,
    });
    head = (await store.append({ signed, now })).event.hash;
  }
  return steps.length;
}

import { type JsonObject, ORG, unitIn, vectorCharter } from './vectorCharter.js';
import { bad, ok, Scenario } from './vectors.js';

const LINK = 'https://audits.example/conf-coop-2026.pdf';

/**
 * The vectors' charter with a checklist to attest: the handbook is ready for Transparent when the
 * council has attested its audit (with evidence) and the founders (its owners, named by no
 * `attesters`) its review (evidence optional).
 */
function attestableCharter(): JsonObject {
  const charter = vectorCharter();
  unitIn(charter, 'handbook')['readiness'] = {
    transparent: {
      all: [
        { checklist: 'audit', text: 'The handbook was audited', attesters: ['council'] },
        { checklist: 'review', text: 'The founders reviewed the handbook', evidence: 'optional' },
      ],
    },
  };
  return charter;
}

/** ada creates the organization with that charter; ben, dan and eve register their keys. */
function attestable(seed: string): Scenario {
  const log = new Scenario(ORG, seed);
  log.as('ada', 'org.create', { charter: attestableCharter() });
  for (const member of ['ben', 'dan', 'eve']) log.as(member, 'key.register', {});
  return log;
}

function refused(
  id: string,
  description: string,
  rule: string,
  actor: string,
  kind: string,
  payload: unknown,
) {
  const log = attestable(id);
  log.as(actor, kind, payload);
  bad(id, description, rule, log.last, log.text());
}

/** attestation.record and attestation.withdraw: who may attest which item, and with what. */
export function attestationVectors(): void {
  const log = attestable('attest-ok');
  log.as('dan', 'attestation.record', {
    unit: 'handbook',
    checklist: 'audit',
    evidence: LINK,
    note: 'Read it all.',
  });
  log.as('ben', 'attestation.record', { unit: 'handbook', checklist: 'review' });
  log.as('eve', 'attestation.record', { unit: 'handbook', checklist: 'audit', evidence: LINK });
  log.as('dan', 'attestation.withdraw', { unit: 'handbook', checklist: 'audit' });
  ok(
    'attest-ok',
    'dan and eve (the council) attest the audit with its link, ben (a founder, an owner) the review without one; dan withdraws his.',
    ['A19'],
    log.text(),
  );
  const audit = { unit: 'handbook', checklist: 'audit', evidence: LINK };
  refused(
    'attest-unknown-item',
    'An attestation of an item the unit does not declare.',
    'A19',
    'dan',
    'attestation.record',
    {
      ...audit,
      checklist: 'budget',
    },
  );
  refused(
    'attest-unknown-unit',
    'An attestation for a unit not in the charter.',
    'A19',
    'dan',
    'attestation.record',
    {
      ...audit,
      unit: 'kitchen',
    },
  );
  refused(
    'attest-not-an-attester',
    'ben, a founder, attests the audit that only the council may attest.',
    'A19',
    'ben',
    'attestation.record',
    audit,
  );
  refused(
    'attest-owner-default',
    'dan, on the council but not an owner, attests the review that names no attesters (owners only).',
    'A19',
    'dan',
    'attestation.record',
    { unit: 'handbook', checklist: 'review' },
  );
  refused(
    'attest-evidence-required',
    'dan attests the audit without the evidence link it requires.',
    'A19',
    'dan',
    'attestation.record',
    { unit: 'handbook', checklist: 'audit' },
  );
  refused('attest-not-a-link', 'An evidence "link" that is not a link.', 'A5', 'dan', 'attestation.record', {
    ...audit,
    evidence: 'ask dan',
  });
  refused(
    'attest-unregistered',
    'fay, with no registered key, attests.',
    'A4',
    'fay',
    'attestation.record',
    audit,
  );
  refused(
    'attest-withdraw-none',
    'eve withdraws an attestation she never made.',
    'A19',
    'eve',
    'attestation.withdraw',
    { unit: 'handbook', checklist: 'audit' },
  );
}

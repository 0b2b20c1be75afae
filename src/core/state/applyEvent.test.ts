import { describe, expect, it } from 'vitest';
import { ReplayedLog } from '../../../test/support/replayLog.js';
import { copy, ed25519Key, LogBuilder, smallCharter } from '../../../test/support/signedLog.js';
import { ACTION_KINDS, ACTION_RECORDS, START_RECORD } from '../actions/actionKinds.js';
import { toJsonSchemaDocument } from '../schema/Schema.js';
import { applyEvent } from './applyEvent.js';

const ORG = 'small-coop';
const keys = { ada: ed25519Key(), ben: ed25519Key() };

function started() {
  const log = new LogBuilder({ org: ORG });
  const charter = smallCharter({ org: ORG, keys });
  log.append({ key: keys.ada, actor: 'ada', kind: 'org.create', payload: { charter } });
  return { org: new ReplayedLog(log), charter };
}

describe('applyEvent dispatches through the action registry', () => {
  it('knows each kind once, the starting kind first', () => {
    expect(ACTION_KINDS[0]).toBe('org.create');
    expect(new Set(ACTION_KINDS).size).toBe(ACTION_KINDS.length);
    expect(ACTION_KINDS).toEqual(expect.arrayContaining(['charter.amend', 'key.register', 'key.rotate']));
  });

  it('renders every payload schema as JSON Schema that names exactly its fields', () => {
    for (const record of [START_RECORD, ...ACTION_RECORDS]) {
      const document = toJsonSchemaDocument({ schema: record.payload, id: record.kind, title: record.kind });
      expect(document['type'], record.kind).toBe('object');
      expect(document['additionalProperties'], record.kind).toBe(false);
    }
    const charter = toJsonSchemaDocument({ schema: START_RECORD.payload, id: 'x', title: 'x' });
    expect(charter['properties']).toEqual({ charter: { $ref: '#/$defs/Charter' } });
    expect(Object.keys(charter['$defs'] as object)).toContain('Charter');
  });

  it('starts a log with org.create only, and only once', () => {
    const log = new LogBuilder({ org: ORG });
    const charter = smallCharter({ org: ORG, keys });
    const amend = log.append({ key: keys.ada, actor: 'ada', kind: 'charter.amend', payload: { charter } });
    expect(() => applyEvent({ state: undefined, event: amend })).toThrow(
      expect.objectContaining({ code: 'action/no-organization' }),
    );
    const { org } = started();
    expect(org.refusal({ key: keys.ada, actor: 'ada', kind: 'org.create', payload: { charter } })).toBe(
      'action/unknown-kind',
    );
  });

  it('refuses unknown kinds, other organizations, and payload fields the schema does not name', () => {
    const { org, charter } = started();
    const error = org.error({ key: keys.ada, actor: 'ada', kind: 'treasury.spend', payload: {} });
    expect(error.code).toBe('action/unknown-kind');
    expect(error.details['known']).toEqual(ACTION_KINDS.slice(1));
    expect(
      org.refusal({ key: keys.ada, actor: 'ada', kind: 'charter.amend', payload: { charter, note: 1 } }),
    ).toBe('action/invalid-payload');
    expect(org.refusal({ key: keys.ada, actor: 'ada', kind: 'charter.amend', payload: {} })).toBe(
      'action/invalid-payload',
    );
    expect(
      org.refusal({ key: keys.ada, actor: 'ada', kind: 'charter.amend', payload: { charter: [] } }),
    ).toBe('action/invalid-payload');
    const elsewhere = copy(charter);
    (elsewhere['organization'] as { id: string }).id = 'other-coop';
    expect(
      org.refusal({ key: keys.ada, actor: 'ada', kind: 'charter.amend', payload: { charter: elsewhere } }),
    ).toBe('action/wrong-organization');
  });

  it('starts every runtime part empty, and units at their declared levels', () => {
    const { org } = started();
    expect(org.state).toMatchObject({
      levels: { handbook: 0 },
      pendingKeys: {},
      proposals: {},
      delegations: [],
      snapshots: {},
      emergencyUses: [],
    });
  });

  it('leaves the state it was given untouched when it refuses', () => {
    const { org, charter } = started();
    const before = structuredClone(org.state);
    org.refusal({ key: keys.ben, actor: 'ben', kind: 'charter.amend', payload: { charter } });
    expect(org.state).toEqual(before);
  });
});

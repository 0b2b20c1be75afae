import { describe, expect, it } from 'vitest';
import { ACTION_KINDS } from './actionKinds.js';
import { actionPayloadDocument, actionPayloadSchemas } from './actionPayloadSchemas.js';

describe('actionPayloadSchemas', () => {
  it('renders one closed schema per kind, in registry order, sharing the charter definition', () => {
    const { payloads, defs } = actionPayloadSchemas();
    expect(Object.keys(payloads)).toEqual([...ACTION_KINDS]);
    expect(payloads['org.create']).toEqual(payloads['charter.amend']);
    expect(payloads['key.register']).toMatchObject({
      type: 'object',
      properties: {},
      additionalProperties: false,
    });
    expect(payloads['key.rotate']).toMatchObject({ required: ['key'], additionalProperties: false });
    expect(defs['Charter']).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['devolve', 'units']),
    });
  });

  it('makes one document whose branches name every kind', () => {
    const document = actionPayloadDocument();
    expect((document['oneOf'] as { title: string }[]).map((b) => b.title)).toEqual([...ACTION_KINDS]);
    expect(Object.keys(document['$defs'] as object)).toContain('Charter');
  });
});

describe('the proposal kinds’ payloads', () => {
  it('render as closed schemas naming what each act needs', () => {
    const { payloads } = actionPayloadSchemas();
    expect(payloads['proposal.create']).toMatchObject({
      required: ['id', 'unit', 'kind', 'title', 'subject'],
      additionalProperties: false,
    });
    const subject = (payloads['proposal.create'] as { properties: { subject: { anyOf: unknown[] } } })
      .properties.subject;
    expect(subject.anyOf).toHaveLength(4);
    expect(payloads['vote.cast']).toMatchObject({ required: ['proposal', 'ballot'] });
    expect(payloads['proposal.veto']).toMatchObject({ required: ['proposal', 'reason'] });
    expect(payloads['proposal.execute']).toMatchObject({ required: ['proposal'] });
    expect(payloads['delegation.set']).toMatchObject({ required: ['to'] });
  });
});

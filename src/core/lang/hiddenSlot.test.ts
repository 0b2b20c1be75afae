import { describe, expect, it } from 'vitest';
import { hiddenSlot } from './hiddenSlot.js';

describe('hiddenSlot', () => {
  it('keeps a value beside an object without changing how the object reads', () => {
    const slot = hiddenSlot<number>();
    const holder = { a: 1, b: 'two' };
    slot.set(holder, 7);
    expect(slot.get(holder)).toBe(7);
    expect(Object.keys(holder)).toEqual(['a', 'b']);
    expect(Object.getOwnPropertySymbols(holder)).toEqual([]);
    expect(JSON.stringify(holder)).toBe('{"a":1,"b":"two"}');
    expect({ ...holder }).toStrictEqual({ a: 1, b: 'two' });
    expect(slot.get({ ...holder })).toBeUndefined();
  });

  it('replaces the value on a second set, and answers undefined for an object never set', () => {
    const slot = hiddenSlot<string>();
    const holder = {};
    slot.set(holder, 'first');
    slot.set(holder, 'second');
    expect(slot.get(holder)).toBe('second');
    expect(slot.get({})).toBeUndefined();
  });

  it('gives each slot its own value on the same object', () => {
    const one = hiddenSlot<string>();
    const other = hiddenSlot<string>();
    const holder = [1, 2, 3];
    one.set(holder, 'one');
    expect(other.get(holder)).toBeUndefined();
    other.set(holder, 'other');
    expect([one.get(holder), other.get(holder)]).toEqual(['one', 'other']);
    expect(holder).toStrictEqual([1, 2, 3]);
  });

  it('keeps values for frozen objects too', () => {
    const slot = hiddenSlot<number>();
    const holder = Object.freeze({ a: 1 });
    slot.set(holder, 1);
    slot.set(holder, 2);
    expect(slot.get(holder)).toBe(2);
    expect(Object.isFrozen(holder)).toBe(true);
  });
});

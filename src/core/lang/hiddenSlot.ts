/**
 * A value kept beside an object without being one of its properties: what a `WeakMap` keyed by
 * the object does, for objects made in great numbers. Setting a `WeakMap` entry for a new,
 * short-lived object costs about twenty times an ordinary property write (the collector must
 * track every entry as an ephemeron), and replaying a vote log makes a few such objects per
 * event. A slot is a class's private field instead, added to the object by the constructor
 * return trick (a base class whose constructor returns the object given): it is as cheap as a
 * property write, and it is invisible to `Object.keys`, `JSON.stringify`, spreading and deep
 * equality, so the object reads exactly as it did. Like a `WeakMap` entry, the value lives as
 * long as the object does. An object that cannot take new fields (frozen, sealed) keeps its
 * value in a `WeakMap`.
 *
 * @example
 * const parsedOf = hiddenSlot<Proposal>();
 * parsedOf.set(json, proposal);
 * parsedOf.get(json); // proposal
 */
export interface HiddenSlot<V> {
  get(holder: object): V | undefined;
  set(holder: object, value: V): void;
}

/** The base whose constructor hands back the object to stamp, so `super(holder)` stamps it. */
class Stamped {
  constructor(holder: object) {
    // biome-ignore lint/correctness/noConstructorReturn: returning the holder is how a private field is added to it
    return holder;
  }
}

export function hiddenSlot<V>(): HiddenSlot<V> {
  const fallback = new WeakMap<object, V>();
  // One class per slot: each has its own private name, so slots never see each other's values.
  class Slot extends Stamped {
    #value: V;
    constructor(holder: object, value: V) {
      super(holder);
      this.#value = value;
    }
    static get(holder: object): V | undefined {
      return #value in holder ? (holder as Slot).#value : fallback.get(holder);
    }
    static set(holder: object, value: V): void {
      if (#value in holder) (holder as Slot).#value = value;
      else if (Object.isExtensible(holder)) new Slot(holder, value);
      else fallback.set(holder, value);
    }
  }
  return { get: Slot.get, set: Slot.set };
}

// One file (over 450 lines): a small schema language. The base class and its kinds share
// protected members (check, refine, the JSON Schema context) and the `s` builder names every kind;
// in separate files each kind would import the base and the base the kinds, a cycle for no reader.
import type { ErrorCode, ProblemIn } from '../errors/ErrorCode.js';
import { suggestionHint } from '../text/didYouMean.js';
import { quote } from '../text/quote.js';

/**
 * A small schema language, the single source of truth for the charter format: the same
 * definition validates a parsed document (collecting every issue, each with the path of the
 * offending value and a hint) and renders the JSON Schema that editors use for completion.
 *
 * It exists instead of a general-purpose validator because charter authors need teaching errors:
 * unknown keys answered with "did you mean", unions selected by the key an author wrote (a
 * criterion with `metric:` is checked as a metric criterion, not reported as "no union member
 * matched"), and no error without a path that maps back to a line and column.
 */

export type Path = readonly (string | number)[];

/**
 * `[...path, key]`, allocated at its exact size: a spread grows its array as it goes and leaves
 * spare room, and every entry of every payload checked makes one of these.
 */
function childPath(path: Path, key: string | number): Path {
  const child = new Array<string | number>(path.length + 1);
  for (let i = 0; i < path.length; i++) child[i] = path[i]!;
  child[path.length] = key;
  return child;
}

export interface SchemaIssue {
  readonly path: Path;
  readonly code: ErrorCode;
  readonly message: string;
  readonly hint?: string;
  /** True when the issue concerns the key at `path` (an unknown key) rather than its value. */
  readonly onKey?: boolean;
}

export type JsonSchema = { [key: string]: unknown };

export interface JsonSchemaContext {
  readonly defs: Record<string, JsonSchema>;
}

/** A problem a refinement found: rendered as `charter/<code>` at the value's path. */
export interface Refusal {
  readonly code?: ProblemIn<'charter'>;
  readonly reason: string;
  readonly hint?: string;
}

export abstract class Schema<T> {
  declare readonly type: T;
  protected description: string | undefined;
  // Typed over `never` so that Schema<T> stays covariant in T (a Schema<string> is a Schema<unknown>).
  private readonly refinements: ((value: never) => Refusal | undefined)[] = [];

  /** Checks `value`, appending every issue found; true when none was. */
  validate(value: unknown, path: Path, issues: SchemaIssue[]): value is T {
    const before = issues.length;
    if (!this.check(value, path, issues)) return false;
    if (issues.length !== before) return false;
    for (const refine of this.refinements) {
      const refusal = refine(value as never);
      if (refusal !== undefined) {
        issues.push({
          path,
          code: `charter/${refusal.code ?? 'invalid-value'}`,
          message: refusal.reason,
          ...(refusal.hint === undefined ? {} : { hint: refusal.hint }),
        });
        return false;
      }
    }
    return true;
  }

  /** Adds a human description, shown by editors on hover. */
  describe(text: string): this {
    const copy = this.clone();
    copy.description = text;
    return copy;
  }

  /** Adds a check beyond the shape, e.g. that a string parses as a duration. */
  refine(check: (value: T) => Refusal | undefined): this {
    const copy = this.clone();
    (copy as unknown as { refinements: unknown[] }).refinements = [...this.refinements, check];
    return copy;
  }

  /** Schemas are values: describing or refining one returns a copy, so shared schemas stay as they were. */
  private clone(): this {
    return Object.assign(Object.create(Object.getPrototypeOf(this)) as this, this);
  }

  toJsonSchema(context: JsonSchemaContext): JsonSchema {
    const schema = this.render(context);
    return this.description === undefined ? schema : { description: this.description, ...schema };
  }

  /** A short noun phrase for type errors: "a string", "a list". */
  abstract expected(): string;
  /** Whether the value has this schema's basic JavaScript shape (used to pick a union branch). */
  abstract accepts(value: unknown): boolean;
  protected abstract check(value: unknown, path: Path, issues: SchemaIssue[]): boolean;
  protected abstract render(context: JsonSchemaContext): JsonSchema;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text ${quote(value, 40)}`;
  return `${typeof value === 'number' ? 'the number' : `the ${typeof value}`} ${String(value)}`;
}

/**
 * I-JSON (RFC 7493): text carries no lone surrogate (half of a UTF-16 pair, which no UTF-8 can
 * hold) and no noncharacter (U+FDD0–U+FDEF, and the last two code points of every plane, such as
 * U+FFFE). Either one means the same text reads differently in different languages, so every
 * string a schema checks, and every key of a record, is refused with one.
 */
const NOT_IJSON = /[\p{Surrogate}\p{Noncharacter_Code_Point}]/u;

function ijsonIssue(path: Path, text: string): SchemaIssue | undefined {
  const found = NOT_IJSON.exec(text);
  if (found === null) return undefined;
  const point = found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return {
    path,
    code: 'charter/bad-format',
    message: `the text holds U+${point}, ${/[\p{Surrogate}]/u.test(found[0]) ? 'a lone surrogate' : 'a noncharacter'}: text must be I-JSON (RFC 7493)`,
  };
}

function typeIssue(path: Path, expected: string, value: unknown): SchemaIssue {
  return { path, code: 'charter/wrong-type', message: `expected ${expected}, found ${describeValue(value)}` };
}

export class StringSchema<T extends string = string> extends Schema<T> {
  constructor(
    private readonly options: {
      pattern?: RegExp;
      patternHint?: string;
      minLength?: number;
      maxLength?: number;
    },
  ) {
    super();
  }
  expected(): string {
    return 'text';
  }
  accepts(value: unknown): boolean {
    return typeof value === 'string';
  }
  protected check(value: unknown, path: Path, issues: SchemaIssue[]): boolean {
    if (typeof value !== 'string') {
      issues.push(typeIssue(path, this.expected(), value));
      return false;
    }
    const notIjson = ijsonIssue(path, value);
    if (notIjson !== undefined) {
      issues.push(notIjson);
      return false;
    }
    const { pattern, patternHint, minLength, maxLength } = this.options;
    if (minLength !== undefined && value.length < minLength) {
      issues.push({
        path,
        code: 'charter/too-short',
        message: minLength === 1 ? 'must not be empty' : `must be at least ${minLength} characters`,
      });
      return false;
    }
    if (maxLength !== undefined && value.length > maxLength) {
      issues.push({ path, code: 'charter/too-long', message: `must be at most ${maxLength} characters` });
      return false;
    }
    if (pattern !== undefined && !pattern.test(value)) {
      issues.push({
        path,
        code: 'charter/bad-format',
        message: `${quote(value)} is not in the expected form`,
        ...(patternHint === undefined ? {} : { hint: patternHint }),
      });
      return false;
    }
    return true;
  }
  protected render(): JsonSchema {
    const { pattern, minLength, maxLength } = this.options;
    return {
      type: 'string',
      ...(pattern === undefined ? {} : { pattern: pattern.source }),
      ...(minLength === undefined ? {} : { minLength }),
      ...(maxLength === undefined ? {} : { maxLength }),
    };
  }
}

export class EnumSchema<T extends string> extends Schema<T> {
  constructor(
    private readonly values: readonly T[],
    private readonly noun: string,
  ) {
    super();
  }
  expected(): string {
    return `one of ${this.values.map((v) => `'${v}'`).join(', ')}`;
  }
  accepts(value: unknown): boolean {
    return typeof value === 'string';
  }
  protected check(value: unknown, path: Path, issues: SchemaIssue[]): boolean {
    if (typeof value === 'string' && (this.values as readonly string[]).includes(value)) return true;
    if (typeof value !== 'string') {
      issues.push(typeIssue(path, this.expected(), value));
      return false;
    }
    issues.push({
      path,
      code: 'charter/unknown-value',
      message: `unknown ${this.noun} ${quote(value)}`,
      hint: suggestionHint({ input: value, candidates: this.values, noun: this.noun }),
    });
    return false;
  }
  protected render(): JsonSchema {
    return { type: 'string', enum: [...this.values] };
  }
}

export class NumberSchema extends Schema<number> {
  constructor(private readonly options: { integer?: boolean; min?: number; max?: number }) {
    super();
  }
  expected(): string {
    return this.options.integer ? 'a whole number' : 'a number';
  }
  accepts(value: unknown): boolean {
    return typeof value === 'number';
  }
  protected check(value: unknown, path: Path, issues: SchemaIssue[]): boolean {
    if (
      typeof value !== 'number' ||
      !Number.isFinite(value) ||
      (this.options.integer && !Number.isInteger(value))
    ) {
      issues.push(typeIssue(path, this.expected(), value));
      return false;
    }
    const { min, max } = this.options;
    if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
      const range =
        min !== undefined && max !== undefined
          ? `between ${min} and ${max}`
          : min !== undefined
            ? `at least ${min}`
            : `at most ${max}`;
      issues.push({
        path,
        code: 'charter/out-of-range',
        message: `${value} is out of range: must be ${range}`,
      });
      return false;
    }
    return true;
  }
  protected render(): JsonSchema {
    const { integer, min, max } = this.options;
    return {
      type: integer ? 'integer' : 'number',
      ...(min === undefined ? {} : { minimum: min }),
      ...(max === undefined ? {} : { maximum: max }),
    };
  }
}

export class BooleanSchema extends Schema<boolean> {
  expected(): string {
    return 'true or false';
  }
  accepts(value: unknown): boolean {
    return typeof value === 'boolean';
  }
  protected check(value: unknown, path: Path, issues: SchemaIssue[]): boolean {
    if (typeof value === 'boolean') return true;
    issues.push(typeIssue(path, this.expected(), value));
    return false;
  }
  protected render(): JsonSchema {
    return { type: 'boolean' };
  }
}

export class ArraySchema<T> extends Schema<T[]> {
  constructor(
    private readonly item: Schema<T>,
    private readonly options: { minItems?: number; maxItems?: number },
  ) {
    super();
  }
  expected(): string {
    return 'a list';
  }
  accepts(value: unknown): boolean {
    return Array.isArray(value);
  }
  protected check(value: unknown, path: Path, issues: SchemaIssue[]): boolean {
    if (!Array.isArray(value)) {
      issues.push(typeIssue(path, this.expected(), value));
      return false;
    }
    const { minItems, maxItems } = this.options;
    if (minItems !== undefined && value.length < minItems) {
      issues.push({
        path,
        code: 'charter/too-few',
        message:
          minItems === 1 ? 'the list must not be empty' : `the list needs at least ${minItems} entries`,
      });
    }
    if (maxItems !== undefined && value.length > maxItems) {
      issues.push({
        path,
        code: 'charter/too-many',
        message: `the list may hold at most ${maxItems} entries`,
      });
    }
    let ok = true;
    for (let i = 0; i < value.length; i++)
      ok = this.item.validate(value[i], childPath(path, i), issues) && ok;
    return ok;
  }
  protected render(context: JsonSchemaContext): JsonSchema {
    const { minItems, maxItems } = this.options;
    return {
      type: 'array',
      items: this.item.toJsonSchema(context),
      ...(minItems === undefined ? {} : { minItems }),
      ...(maxItems === undefined ? {} : { maxItems }),
    };
  }
}

/** A value, or `null` — used where writing `null` means "remove what would be inherited". */
export class NullableSchema<T> extends Schema<T | null> {
  constructor(private readonly inner: Schema<T>) {
    super();
  }
  expected(): string {
    return `${this.inner.expected()} or null`;
  }
  accepts(value: unknown): boolean {
    return value === null || this.inner.accepts(value);
  }
  protected check(value: unknown, path: Path, issues: SchemaIssue[]): boolean {
    return value === null || this.inner.validate(value, path, issues);
  }
  protected render(context: JsonSchemaContext): JsonSchema {
    return { anyOf: [this.inner.toJsonSchema(context), { type: 'null' }] };
  }
}

/** Marks an object property as optional. */
export class Optional<T> {
  constructor(readonly inner: Schema<T>) {}
}

type Shape = Record<string, Schema<unknown> | Optional<unknown>>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};
type RequiredKeys<S extends Shape> = { [K in keyof S]: S[K] extends Optional<unknown> ? never : K }[keyof S];
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends Optional<unknown> ? K : never }[keyof S];
export type InferShape<S extends Shape> = Simplify<
  { [K in RequiredKeys<S>]: S[K] extends Schema<infer T> ? T : never } & {
    [K in OptionalKeys<S>]?: S[K] extends Optional<infer T> ? T : never;
  }
>;

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A YAML mapping, named by `noun` in messages; subclasses check its entries. */
abstract class MappingSchema<T> extends Schema<T> {
  constructor(protected readonly noun: string) {
    super();
  }
  expected(): string {
    return `a mapping (${this.noun})`;
  }
  accepts(value: unknown): boolean {
    return isMapping(value);
  }
  protected check(value: unknown, path: Path, issues: SchemaIssue[]): boolean {
    if (!isMapping(value)) {
      issues.push(typeIssue(path, this.expected(), value));
      return false;
    }
    return this.checkEntries(value, path, issues);
  }
  protected abstract checkEntries(value: Record<string, unknown>, path: Path, issues: SchemaIssue[]): boolean;
}

export class ObjectSchema<S extends Shape> extends MappingSchema<InferShape<S>> {
  readonly keys: readonly string[];
  constructor(
    readonly shape: S,
    noun: string,
  ) {
    super(noun);
    this.keys = Object.keys(shape);
  }
  protected checkEntries(value: Record<string, unknown>, path: Path, issues: SchemaIssue[]): boolean {
    let ok = true;
    for (const key of Object.keys(value)) {
      if (!Object.hasOwn(this.shape, key)) {
        ok = false;
        issues.push({
          path: [...path, key],
          onKey: true,
          code: 'charter/unknown-key',
          message: `unknown key ${quote(key)} in ${this.noun}`,
          hint: suggestionHint({ input: key, candidates: this.keys, noun: 'key' }),
        });
      }
    }
    for (const key of this.keys) {
      const entry = this.shape[key]!;
      const present = Object.hasOwn(value, key) && value[key] !== undefined;
      if (entry instanceof Optional) {
        if (present) ok = entry.inner.validate(value[key], childPath(path, key), issues) && ok;
      } else if (!present) {
        ok = false;
        issues.push({
          path,
          code: 'charter/missing-key',
          message: `${this.noun} is missing '${key}'`,
          hint: `add '${key}:' (${(entry as Schema<unknown>).expected()})`,
        });
      } else {
        ok = (entry as Schema<unknown>).validate(value[key], childPath(path, key), issues) && ok;
      }
    }
    return ok;
  }
  protected render(context: JsonSchemaContext): JsonSchema {
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const key of this.keys) {
      const entry = this.shape[key]!;
      if (entry instanceof Optional) {
        properties[key] = entry.inner.toJsonSchema(context);
      } else {
        properties[key] = (entry as Schema<unknown>).toJsonSchema(context);
        required.push(key);
      }
    }
    return {
      type: 'object',
      properties,
      ...(required.length === 0 ? {} : { required }),
      additionalProperties: false,
    };
  }
}

export class RecordSchema<T> extends MappingSchema<Record<string, T>> {
  constructor(
    private readonly value: Schema<T>,
    noun: string,
  ) {
    super(noun);
  }
  protected checkEntries(value: Record<string, unknown>, path: Path, issues: SchemaIssue[]): boolean {
    let ok = true;
    for (const [key, entry] of Object.entries(value)) {
      const notIjson = ijsonIssue([...path, key], key);
      if (notIjson !== undefined) {
        issues.push({ ...notIjson, onKey: true });
        ok = false;
      } else ok = this.value.validate(entry, childPath(path, key), issues) && ok;
    }
    return ok;
  }
  protected render(context: JsonSchemaContext): JsonSchema {
    return { type: 'object', additionalProperties: this.value.toJsonSchema(context) };
  }
}

export class UnionSchema<T> extends Schema<T> {
  /**
   * The branch the last valid value fitted, tried first: values of one kind tend to come in runs
   * (a log's ballots mostly have one method's shape), and a valid value need not first be refused,
   * with a did-you-mean hint for nobody, by every branch before it. Which branch accepts a value
   * does not change the answer, so remembering it does not either.
   */
  private lastFit: Schema<T> | undefined;
  constructor(
    private readonly branches: readonly Schema<T>[],
    private readonly noun: string,
  ) {
    super();
  }
  expected(): string {
    return this.noun;
  }
  accepts(value: unknown): boolean {
    return this.branches.some((branch) => branch.accepts(value));
  }
  protected check(value: unknown, path: Path, issues: SchemaIssue[]): boolean {
    const last = this.lastFit;
    if (last?.accepts(value) && last.validate(value, path, [])) return true;
    const candidates = this.branches.filter((branch) => branch.accepts(value));
    if (candidates.length === 0) {
      issues.push(typeIssue(path, this.noun, value));
      return false;
    }
    // The branches with the right shape (for mappings: those that know every key written) are
    // tried first: a valid value is then rarely checked, and reported on in vain, against a branch
    // it cannot fit. Any branch that accepts it still makes it valid, so the answer is the same.
    const fitting =
      candidates.length > 1 && isMapping(value)
        ? candidates.filter(
            (b) => b instanceof ObjectSchema && Object.keys(value).every((k) => b.keys.includes(k)),
          )
        : candidates;
    for (const branch of fitting) if (this.fits(branch, value, path)) return true;
    if (fitting !== candidates) {
      for (const branch of candidates)
        if (!fitting.includes(branch) && this.fits(branch, value, path)) return true;
    }
    // One branch with the right shape gives the most precise report, so its own issues are reported.
    if (fitting.length === 1) return fitting[0]!.validate(value, path, issues);
    issues.push(typeIssue(path, this.noun, value));
    return false;
  }
  private fits(branch: Schema<T>, value: unknown, path: Path): boolean {
    if (!branch.validate(value, path, [])) return false;
    this.lastFit = branch;
    return true;
  }
  protected render(context: JsonSchemaContext): JsonSchema {
    return { anyOf: this.branches.map((branch) => branch.toJsonSchema(context)) };
  }
}

/**
 * A union of mappings told apart by which key they carry: `{ all: [...] }`, `{ metric: ... }`.
 * The first variant whose key is present is the one checked, so errors speak of that variant.
 */
export class KeyedUnionSchema<T> extends Schema<T> {
  constructor(
    private readonly variants: readonly (readonly [string, Schema<unknown>])[],
    private readonly noun: string,
  ) {
    super();
  }
  expected(): string {
    return `a ${this.noun}`;
  }
  accepts(value: unknown): boolean {
    return isMapping(value);
  }
  protected check(value: unknown, path: Path, issues: SchemaIssue[]): boolean {
    if (!isMapping(value)) {
      issues.push(typeIssue(path, `a ${this.noun} (a mapping)`, value));
      return false;
    }
    const variant = this.variants.find(([key]) => Object.hasOwn(value, key));
    if (variant === undefined) {
      const keys = this.variants.map(([key]) => key);
      const written = Object.keys(value);
      const close =
        written.length > 0 ? suggestionHint({ input: written[0]!, candidates: keys, noun: 'key' }) : '';
      issues.push({
        path,
        code: 'charter/unknown-variant',
        message: `a ${this.noun} needs one of the keys ${keys.map((k) => `'${k}'`).join(', ')}`,
        hint: close.startsWith('did you mean') ? `${quote(written[0]!)}: ${close}` : `e.g. { ${keys[0]}: … }`,
      });
      return false;
    }
    return variant[1].validate(value, path, issues);
  }
  protected render(context: JsonSchemaContext): JsonSchema {
    return { anyOf: this.variants.map(([, schema]) => schema.toJsonSchema(context)) };
  }
}

/** A named, possibly recursive schema, rendered once under `$defs`. */
export class RefSchema<T> extends Schema<T> {
  private target: Schema<T> | undefined;
  constructor(
    private readonly name: string,
    private readonly resolve: () => Schema<T>,
  ) {
    super();
  }
  private get inner(): Schema<T> {
    this.target ??= this.resolve();
    return this.target;
  }
  expected(): string {
    return this.inner.expected();
  }
  accepts(value: unknown): boolean {
    return this.inner.accepts(value);
  }
  protected check(value: unknown, path: Path, issues: SchemaIssue[]): boolean {
    return this.inner.validate(value, path, issues);
  }
  protected render(context: JsonSchemaContext): JsonSchema {
    if (!Object.hasOwn(context.defs, this.name)) {
      context.defs[this.name] = {}; // placeholder first, so recursion terminates
      context.defs[this.name] = this.inner.toJsonSchema(context);
    }
    return { $ref: `#/$defs/${this.name}` };
  }
}

export const s = {
  string: (options: ConstructorParameters<typeof StringSchema>[0] = {}) => new StringSchema(options),
  enum: <const T extends string>(values: readonly T[], noun: string) => new EnumSchema<T>(values, noun),
  number: (options: ConstructorParameters<typeof NumberSchema>[0] = {}) => new NumberSchema(options),
  integer: (options: { min?: number; max?: number } = {}) => new NumberSchema({ ...options, integer: true }),
  boolean: () => new BooleanSchema(),
  array: <T>(item: Schema<T>, options: { minItems?: number; maxItems?: number } = {}) =>
    new ArraySchema(item, options),
  object: <S extends Shape>(shape: S, noun: string) => new ObjectSchema(shape, noun),
  record: <T>(value: Schema<T>, noun: string) => new RecordSchema(value, noun),
  optional: <T>(inner: Schema<T>) => new Optional(inner),
  nullable: <T>(inner: Schema<T>) => new NullableSchema(inner),
  union: <B extends readonly Schema<unknown>[]>(branches: B, noun: string) =>
    new UnionSchema<Infer<B[number]>>(branches as unknown as readonly Schema<Infer<B[number]>>[], noun),
  keyed: <V extends readonly (readonly [string, Schema<unknown>])[]>(variants: V, noun: string) =>
    new KeyedUnionSchema<Infer<V[number][1]>>(variants, noun),
  ref: <T>(name: string, resolve: () => Schema<T>) => new RefSchema<T>(name, resolve),
};

/** Renders a root schema as a complete JSON Schema (draft 2020-12) document. */
export function toJsonSchemaDocument(args: {
  schema: Schema<unknown>;
  id: string;
  title: string;
}): JsonSchema {
  const context: JsonSchemaContext = { defs: {} };
  const root = args.schema.toJsonSchema(context);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: args.id,
    title: args.title,
    ...root,
    $defs: context.defs,
  };
}

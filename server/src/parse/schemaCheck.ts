/**
 * `schema` diagnostics from the JSON Schemas in `schemas/` — the same files
 * the YAML extension uses through `yamlValidation`, so the structure is
 * defined once. ajv validates the document's plain value; each error's
 * instance path is then walked back through the YAML nodes to the exact span.
 */
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { isMap, isScalar, isSeq, Node, YAMLMap } from 'yaml';
import { CodeDiagnostic, Span } from '../model/types';
import { closestWords } from '../model/suggest';
import { AliasResolver, COMPLEX_KEY, keyName, nodeSpan } from './yamlNodes';

/** The two schemas as parsed JSON objects. */
export interface SchemaSources {
  strategy: object;
  catalog: object;
}

/** Compiled validators for both file kinds, and for one strategy item on its own. */
export interface SchemaValidators {
  strategy: ValidateFunction;
  catalog: ValidateFunction;
  /** Validates a single item (`definitions.item` of the strategy schema), for re-parsing one item after an edit. */
  item: ValidateFunction | undefined;
  /** The same for an item of a plan (`definitions.planItem`), whose title may be omitted (spec 6.3). */
  planItem?: ValidateFunction;
}

/**
 * Validators already compiled for a schemas object. Compiling takes about
 * 200 ms and the result is a pure function of the (never mutated) schemas, so
 * services built from the same schemas share it — the language server and CLI
 * build one service, a test run hundreds.
 */
const compiled = new WeakMap<SchemaSources, SchemaValidators>();

export function compileSchemas(sources: SchemaSources): SchemaValidators {
  const cached = compiled.get(sources);
  if (cached) {
    return cached;
  }
  // Each validator is compiled when first used: a warm start that parses nothing compiles nothing.
  let ajv: Ajv | undefined;
  const compile = (schema: object): ValidateFunction => (ajv ??= new Ajv({ allErrors: true, allowUnionTypes: true, strict: false, verbose: true })).compile(schema);
  const definitions = (sources.strategy as { definitions?: Record<string, unknown> }).definitions;
  const once = <T>(make: () => T): (() => T) => {
    let made: { value: T } | undefined;
    return () => (made ??= { value: make() }).value;
  };
  const strategy = once(() => compile(sources.strategy));
  const catalog = once(() => compile(sources.catalog));
  const item = once(() => (definitions?.item ? compile({ definitions, $ref: '#/definitions/item' }) : undefined));
  const planItem = once(() => (definitions?.planItem ? compile({ definitions, $ref: '#/definitions/planItem' }) : undefined));
  const validators: SchemaValidators = {
    get strategy() {
      return strategy();
    },
    get catalog() {
      return catalog();
    },
    get item() {
      return item();
    },
    get planItem() {
      return planItem();
    },
  };
  compiled.set(sources, validators);
  return validators;
}

/** Walks a JSON pointer through the YAML nodes; returns the deepest node reached and the key pair's key node for the last step. */
function nodeAt(root: unknown, pointer: string, resolver: AliasResolver): Node | undefined {
  let node: Node | undefined = resolver.resolve(root);
  if (pointer === '') {
    return node;
  }
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (isMap(node)) {
      const pair = node.items.find((p) => keyName(p) === seg);
      node = pair ? resolver.resolve(pair.value) ?? (pair.value as Node | undefined) : undefined;
    } else if (isSeq(node)) {
      node = resolver.resolve(node.items[Number(seg)]);
    } else {
      return undefined;
    }
    if (!node) {
      return undefined;
    }
  }
  return node;
}

/** Where a missing key is reported: the mapping's `id` value, else its first key. */
function missingKeySpan(map: YAMLMap, resolver: AliasResolver): Span {
  const idNode = resolver.resolve(map.get('id', true)) ?? resolver.resolve(map.get('strategy', true)) ?? resolver.resolve(map.get('catalog', true));
  if (isScalar(idNode) && idNode.value !== null) {
    return nodeSpan(idNode);
  }
  const first = map.items[0]?.key as Node | undefined;
  return first ? nodeSpan(first) : nodeSpan(map);
}

/**
 * The span of a value — or of its key when the value is empty (`title:` with
 * nothing after it), which has no width and would be drawn on the next line.
 */
function valueSpan(root: unknown, pointer: string, node: Node | undefined, resolver: AliasResolver): Span {
  const span = nodeSpan(node);
  const slash = pointer.lastIndexOf('/');
  if (span.end > span.start || slash < 0) {
    return span;
  }
  const parent = nodeAt(root, pointer.slice(0, slash), resolver);
  const name = pointer.slice(slash + 1).replace(/~1/g, '/').replace(/~0/g, '~');
  const pair = isMap(parent) ? parent.items.find((p) => keyName(p) === name) : undefined;
  return pair ? nodeSpan(pair.key as Node) : span;
}

/** The span of the key of the pair a pointer ends at, when its parent is a mapping. */
function keySpan(root: unknown, pointer: string, resolver: AliasResolver): Span | undefined {
  const slash = pointer.lastIndexOf('/');
  if (slash < 0) {
    return undefined;
  }
  const parent = nodeAt(root, pointer.slice(0, slash), resolver);
  const name = pointer.slice(slash + 1).replace(/~1/g, '/').replace(/~0/g, '~');
  const pair = isMap(parent) ? parent.items.find((p) => keyName(p) === name) : undefined;
  return pair ? nodeSpan(pair.key as Node) : undefined;
}

function lastKey(pointer: string): string {
  const seg = pointer.slice(pointer.lastIndexOf('/') + 1);
  return /^\d+$/.test(seg) ? pointer.slice(0, pointer.lastIndexOf('/')).split('/').pop() ?? '' : seg;
}

/** Describes the expected type of an ajv `type` error in message-id terms. */
function expectedType(error: ErrorObject): string {
  const raw = (error.params as { type?: string | string[] }).type ?? '';
  const t = Array.isArray(raw) ? raw.join(',') : raw;
  if (t === 'array') {
    return 'list';
  }
  if (t === 'object') {
    return 'mapping';
  }
  if (t.includes('number') && t.includes('boolean')) {
    return 'text';
  }
  if (t.includes('number')) {
    return 'code';
  }
  return 'text';
}

/** Turns ajv's errors into `schema` diagnostics at exact spans; `root` is the YAML node `value` was read from. */
export function schemaDiagnostics(validate: ValidateFunction, value: unknown, root: unknown, resolver: AliasResolver): CodeDiagnostic[] {
  if (validate(value)) {
    return [];
  }
  const errors = validate.errors ?? [];
  // Errors inside an anyOf / oneOf branch are summarised by the anyOf / oneOf error itself.
  const combinators = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.schemaPath);
  const out: CodeDiagnostic[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    // An if/then/else adds an `if` error beside the real one from its branch.
    if (error.keyword === 'if') {
      continue;
    }
    if (combinators.some((p) => error.schemaPath !== p && error.schemaPath.startsWith(p + '/'))) {
      continue;
    }
    const d = toDiagnostic(error, root, resolver);
    const key = d ? `${d.span.start}:${d.span.end}:${d.message.id}:${d.message.args.join('|')}` : '';
    if (d && !seen.has(key)) {
      seen.add(key);
      out.push(d);
    }
  }
  return out;
}

function toDiagnostic(error: ErrorObject, root: unknown, resolver: AliasResolver): CodeDiagnostic | undefined {
  const node = nodeAt(root, error.instancePath, resolver);
  switch (error.keyword) {
    case 'required': {
      const key = String((error.params as { missingProperty?: unknown }).missingProperty);
      const span = isMap(node) ? missingKeySpan(node, resolver) : nodeSpan(node);
      return { code: 'schema', severity: 'error', span, message: { id: 'schema.required', args: [key] } };
    }
    case 'additionalProperties': {
      const key = String((error.params as { additionalProperty?: unknown }).additionalProperty);
      // A complex key has no name of its own: `toPlain` calls it COMPLEX_KEY.
      const pair = isMap(node) ? node.items.find((p) => keyName(p) === key || (key === COMPLEX_KEY && keyName(p) === undefined)) : undefined;
      const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      return {
        code: 'schema',
        severity: 'warning',
        span: nodeSpan(pair?.key as Node | undefined),
        message: { id: 'schema.unknownKey', args: [key] },
        suggestions: closestWords(key, known),
      };
    }
    case 'type':
      return { code: 'schema', severity: 'error', span: valueSpan(root, error.instancePath, node, resolver), message: { id: 'schema.type.' + expectedType(error), args: [lastKey(error.instancePath)] } };
    case 'not':
    case 'false schema': {
      // A key the schema forbids in its place: `group` on an item (spec 6.2), `id` beside `strategy` in `documents` (spec 6.4).
      const key = lastKey(error.instancePath);
      const id = key === 'group' ? 'schema.groupWithId' : key === 'id' ? 'schema.idWithStrategy' : 'schema.forbidden';
      return { code: 'schema', severity: 'error', span: keySpan(root, error.instancePath, resolver) ?? nodeSpan(node), message: { id, args: [key] } };
    }
    case 'anyOf':
    case 'oneOf':
      return { code: 'schema', severity: 'error', span: nodeSpan(node), message: { id: 'schema.alternatives', args: [lastKey(error.instancePath)] } };
    default:
      return { code: 'schema', severity: 'error', span: nodeSpan(node), message: { id: 'schema.other', args: [lastKey(error.instancePath), error.message ?? error.keyword] } };
  }
}

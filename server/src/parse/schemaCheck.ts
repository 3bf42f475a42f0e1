/**
 * `schema` diagnostics from the JSON Schemas in `schemas/` — the same files
 * the YAML extension uses through `yamlValidation`, so the structure is
 * defined once. ajv validates the document's plain value; each error's
 * instance path is then walked back through the YAML nodes to the exact span.
 */
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { Document, isMap, isScalar, isSeq, Node, YAMLMap } from 'yaml';
import { CodeDiagnostic, Span } from '../model/types';
import { closestWords } from '../model/suggest';
import { AliasResolver, keyName, nodeSpan } from './yamlNodes';

/** The two schemas as parsed JSON objects. */
export interface SchemaSources {
  strategy: object;
  catalog: object;
}

/** Compiled validators for both file kinds. */
export interface SchemaValidators {
  strategy: ValidateFunction;
  catalog: ValidateFunction;
}

export function compileSchemas(sources: SchemaSources): SchemaValidators {
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
  return { strategy: ajv.compile(sources.strategy), catalog: ajv.compile(sources.catalog) };
}

/** Walks a JSON pointer through the YAML nodes; returns the deepest node reached and the key pair's key node for the last step. */
function nodeAt(doc: Document, pointer: string, resolver: AliasResolver): Node | undefined {
  let node: Node | undefined = resolver.resolve(doc.contents);
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

function lastKey(pointer: string): string {
  const seg = pointer.slice(pointer.lastIndexOf('/') + 1);
  return /^\d+$/.test(seg) ? pointer.slice(0, pointer.lastIndexOf('/')).split('/').pop() ?? '' : seg;
}

/** Describes the expected type of an ajv `type` error in message-id terms. */
function expectedType(error: ErrorObject): string {
  const t = String((error.params as { type?: unknown }).type ?? '');
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

/** Turns ajv's errors into `schema` diagnostics at exact spans. */
export function schemaDiagnostics(validate: ValidateFunction, value: unknown, doc: Document, resolver: AliasResolver): CodeDiagnostic[] {
  if (validate(value)) {
    return [];
  }
  const errors = validate.errors ?? [];
  // Errors inside an anyOf / oneOf branch are summarised by the anyOf / oneOf error itself.
  const combinators = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.schemaPath);
  const out: CodeDiagnostic[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (combinators.some((p) => error.schemaPath !== p && error.schemaPath.startsWith(p + '/'))) {
      continue;
    }
    const d = toDiagnostic(error, doc, resolver);
    const key = d ? `${d.span.start}:${d.span.end}:${d.message.id}:${d.message.args.join('|')}` : '';
    if (d && !seen.has(key)) {
      seen.add(key);
      out.push(d);
    }
  }
  return out;
}

function toDiagnostic(error: ErrorObject, doc: Document, resolver: AliasResolver): CodeDiagnostic | undefined {
  const node = nodeAt(doc, error.instancePath, resolver);
  switch (error.keyword) {
    case 'required': {
      const key = String((error.params as { missingProperty?: unknown }).missingProperty);
      const span = isMap(node) ? missingKeySpan(node, resolver) : nodeSpan(node);
      return { code: 'schema', severity: 'error', span, message: { id: 'schema.required', args: [key] } };
    }
    case 'additionalProperties': {
      const key = String((error.params as { additionalProperty?: unknown }).additionalProperty);
      const pair = isMap(node) ? node.items.find((p) => keyName(p) === key) : undefined;
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
      return { code: 'schema', severity: 'error', span: nodeSpan(node), message: { id: 'schema.type.' + expectedType(error), args: [lastKey(error.instancePath)] } };
    case 'anyOf':
    case 'oneOf':
      return { code: 'schema', severity: 'error', span: nodeSpan(node), message: { id: 'schema.alternatives', args: [lastKey(error.instancePath)] } };
    default:
      return { code: 'schema', severity: 'error', span: nodeSpan(node), message: { id: 'schema.other', args: [lastKey(error.instancePath), error.message ?? error.keyword] } };
  }
}

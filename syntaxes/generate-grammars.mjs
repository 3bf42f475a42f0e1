#!/usr/bin/env node
// Generates the TextMate grammars of this folder from one description, so that the
// many context rules of the YAML grammar (the same regular expressions for `related`,
// `goals`, `descriptors`, `partners` …, each with its own scopes) cannot drift apart.
//
//   node syntaxes/generate-grammars.mjs          writes the *.tmLanguage.json files
//   node syntaxes/generate-grammars.mjs --check  exits 1 when a written file is stale
//
// The JSON files are committed: VS Code and the grammar tests read them, not this script.
// Edit this script, never the JSON, and run it again.
//
// How the YAML grammar finds the context of a value. TextMate grammars read line by line
// and cannot count indentation, but a begin/end rule can remember the indentation of the
// line where it began (a back-reference in `end`). A key such as `related:` therefore opens
// a region that lasts while the following lines are blank, comments, more indented than the
// key, or a `- ` entry at the key's own column (a YAML block sequence may stand at the
// same indentation as its key). When the key follows a sequence dash (`- related:`), the
// key's column is the dash's column plus the spaces after it, so that form has its own rule.
// Inside a region, only the scalars that stand where an entry stands (after the key on the
// same line, after a `- `, inside `[ ]`) take the region's scope; everything else is
// ordinary YAML.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------------------------------
// Scope names: the public face of the grammars (README and themes use them).

const YAML_SUFFIX = 'strategy-yaml';
const scopes = {
  itemDefinition: `entity.name.type.strategy-code.definition.${YAML_SUFFIX}`,
  itemReference: `variable.other.strategy-code.reference.${YAML_SUFFIX}`,
  goalReference: `variable.other.goal-link.reference.${YAML_SUFFIX}`,
  documentDefinition: `entity.name.namespace.strategy-document.definition.${YAML_SUFFIX}`,
  catalogDefinition: `entity.name.namespace.descriptor-catalog.definition.${YAML_SUFFIX}`,
  documentReference: `entity.name.namespace.strategy-document.reference.${YAML_SUFFIX}`,
  namespaceSeparator: `punctuation.separator.namespace.${YAML_SUFFIX}`,
  descriptorDefinition: `constant.other.descriptor.definition.${YAML_SUFFIX}`,
  descriptorReference: `constant.other.descriptor.reference.${YAML_SUFFIX}`,
  areaDefinition: `constant.other.descriptor-area.definition.${YAML_SUFFIX}`,
  actorDefinition: `variable.parameter.actor.definition.${YAML_SUFFIX}`,
  actorReference: `variable.parameter.actor.reference.${YAML_SUFFIX}`,
  groupHeading: `entity.name.section.group.${YAML_SUFFIX}`,
};

// ---------------------------------------------------------------------------------------
// Regular expressions shared by the rules (Oniguruma syntax).

/** A code-like token: the grammar colours anything of this shape; the server judges validity. */
const TOKEN = String.raw`[\p{L}\p{N}_][\p{L}\p{N}_.\-]*`;
/** A reference, optionally qualified by a document id: `praha-plan/B2.3`. */
const QUALIFIED = String.raw`(?:${TOKEN}/)?${TOKEN}`;

/** A scalar (plain, "double" or 'single' quoted) whose content is `inner`. */
const scalarOf = (inner) => String.raw`"${inner}"|'${inner}'|${inner}`;

/** After a scalar in block context: the end of the line, or a comment. */
const BLOCK_END = String.raw`(?=[ \t]+#|[ \t]*$)`;
/** After a scalar in flow context: also a separator or a closing bracket. */
const FLOW_END = String.raw`(?=[ \t]*[,\]}]|[ \t]+#|[ \t]*$)`;
/** After a scalar anywhere (used by key rules that serve block and flow mappings alike). */
const ANY_END = FLOW_END;
/** Before a key: the start of the line, a space, or a flow indicator. */
const KEY_START = String.raw`(?:^|(?<=[\s{\[,]))`;
/** The `:` of a key, followed by a space or the end of the line. */
const COLON = String.raw`[ \t]*(:)(?=[ \t]|$)`;
/** The `:` of a quoted key, which may also be followed directly by a flow indicator. */
const QUOTED_KEY_COLON = String.raw`[ \t]*(:)(?=[ \t]|$|[,\[\]{}])`;

/** Characters that cannot start a plain scalar (YAML indicators). */
const NOT_PLAIN_START = String.raw`\s\-?:,\[\]{}#&*!|>'"%@\x60`;
const PLAIN_KEY = String.raw`(?:[^${NOT_PLAIN_START}]|[-?:](?=[^\s:,\[\]{}#]))[^:#\n]*?`;

const BLOCK_SCALAR_HEADER = String.raw`([|>])([1-9][-+]?|[-+][1-9]?)?[ \t]*((#).*)?$`;

// ---------------------------------------------------------------------------------------
// Generic YAML.

const keyCaptures = (keyGroup, colonGroup) => ({
  [keyGroup]: { name: 'entity.name.tag.yaml' },
  [colonGroup]: { name: 'punctuation.separator.key-value.mapping.yaml' },
});

const blockScalarHeaderCaptures = (first) => ({
  [first]: { name: 'keyword.control.flow.block-scalar.yaml' },
  [first + 1]: { name: 'storage.modifier.block-scalar-indicator.yaml' },
  [first + 2]: { name: 'comment.line.number-sign.yaml' },
  [first + 3]: { name: 'punctuation.definition.comment.yaml' },
});

const scalarEnd = (end) => ({
  null: { match: String.raw`(?:^|(?<=[\s\[{,:]))(?:null|Null|NULL|~)${end}`, name: 'constant.language.null.yaml' },
  boolean: {
    match: String.raw`(?:^|(?<=[\s\[{,:]))(?:true|True|TRUE|false|False|FALSE)${end}`,
    name: 'constant.language.boolean.yaml',
  },
  integer: {
    match: String.raw`(?:^|(?<=[\s\[{,:]))(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)${end}`,
    name: 'constant.numeric.integer.yaml',
  },
  float: {
    match: String.raw`(?:^|(?<=[\s\[{,:]))(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))${end}`,
    name: 'constant.numeric.float.yaml',
  },
});

const blockScalars = scalarEnd(BLOCK_END);
const flowScalars = scalarEnd(FLOW_END);

const yamlRepository = {
  comment: {
    match: String.raw`(?:^|(?<=[ \t]))(#).*$`,
    name: 'comment.line.number-sign.yaml',
    captures: { 1: { name: 'punctuation.definition.comment.yaml' } },
  },
  'document-marker': {
    patterns: [
      { match: String.raw`^---(?=[ \t]|$)`, name: 'entity.other.document.begin.yaml' },
      { match: String.raw`^\.\.\.(?=[ \t]|$)`, name: 'entity.other.document.end.yaml' },
    ],
  },
  directive: {
    match: String.raw`^(%)([^\s#]+)(.*?)(?=[ \t]+#|[ \t]*$)`,
    name: 'meta.directive.yaml',
    captures: {
      1: { name: 'punctuation.definition.directive.begin.yaml' },
      2: { name: 'support.other.directive.yaml' },
      3: { name: 'string.unquoted.directive-parameter.yaml' },
    },
  },
  'block-scalar': {
    comment: 'A literal (|) or folded (>) scalar: its lines are text, even when they look like keys or comments.',
    patterns: [
      {
        begin: String.raw`^([ ]*)(${PLAIN_KEY})${COLON}[ \t]+${BLOCK_SCALAR_HEADER}`,
        end: String.raw`^(?!\1[ ]|[ \t]*$)`,
        beginCaptures: { ...keyCaptures(2, 3), ...blockScalarHeaderCaptures(4) },
        contentName: 'string.unquoted.block.yaml',
      },
      {
        begin: String.raw`^([ ]*)(-)([ ]+)(${PLAIN_KEY})${COLON}[ \t]+${BLOCK_SCALAR_HEADER}`,
        end: String.raw`^(?!\1[ ]\3[ ]|[ \t]*$)`,
        beginCaptures: {
          2: { name: 'punctuation.definition.block.sequence.item.yaml' },
          ...keyCaptures(4, 5),
          ...blockScalarHeaderCaptures(6),
        },
        contentName: 'string.unquoted.block.yaml',
      },
      {
        begin: String.raw`^([ ]*)(-)[ \t]+${BLOCK_SCALAR_HEADER}`,
        end: String.raw`^(?!\1[ ]|[ \t]*$)`,
        beginCaptures: {
          2: { name: 'punctuation.definition.block.sequence.item.yaml' },
          ...blockScalarHeaderCaptures(3),
        },
        contentName: 'string.unquoted.block.yaml',
      },
    ],
  },
  'block-sequence-item': {
    match: String.raw`(?:^|(?<=[ \t]))(-)(?=[ \t]|$)`,
    captures: { 1: { name: 'punctuation.definition.block.sequence.item.yaml' } },
  },
  'explicit-key': {
    match: String.raw`(?:^|(?<=[ \t]))(\?)(?=[ \t]|$)`,
    captures: { 1: { name: 'punctuation.definition.key-value.begin.yaml' } },
  },
  'block-key': {
    patterns: [
      {
        match: String.raw`(?:^|(?<=[ \t]))(${PLAIN_KEY})${COLON}`,
        captures: keyCaptures(1, 2),
      },
      { include: '#quoted-key' },
    ],
  },
  'quoted-key': {
    patterns: [
      {
        match: String.raw`(")((?:[^"\\]|\\.)*)(")${QUOTED_KEY_COLON}`,
        captures: {
          1: { name: 'string.quoted.double.yaml punctuation.definition.string.begin.yaml' },
          2: { name: 'string.quoted.double.yaml entity.name.tag.yaml' },
          3: { name: 'string.quoted.double.yaml punctuation.definition.string.end.yaml' },
          4: { name: 'punctuation.separator.key-value.mapping.yaml' },
        },
      },
      {
        match: String.raw`(')((?:[^']|'')*)(')${QUOTED_KEY_COLON}`,
        captures: {
          1: { name: 'string.quoted.single.yaml punctuation.definition.string.begin.yaml' },
          2: { name: 'string.quoted.single.yaml entity.name.tag.yaml' },
          3: { name: 'string.quoted.single.yaml punctuation.definition.string.end.yaml' },
          4: { name: 'punctuation.separator.key-value.mapping.yaml' },
        },
      },
    ],
  },
  'flow-key': {
    patterns: [
      {
        match: String.raw`(?<![^\s{\[,])([^\s,\[\]{}#:'"&*!|>%@\x60][^,\[\]{}#:\n]*?)[ \t]*(:)(?=[ \t]|$|[,\[\]{}])`,
        captures: keyCaptures(1, 2),
      },
      { include: '#quoted-key' },
    ],
  },
  'node-property': {
    patterns: [
      {
        match: String.raw`(&)([^\s,\[\]{}]+)`,
        name: 'keyword.control.flow.anchor.yaml',
        captures: {
          1: { name: 'punctuation.definition.anchor.yaml' },
          2: { name: 'entity.name.type.anchor.yaml' },
        },
      },
      {
        match: String.raw`(\*)([^\s,\[\]{}]+)`,
        name: 'variable.other.alias.yaml',
        captures: { 1: { name: 'punctuation.definition.alias.yaml' } },
      },
      {
        match: String.raw`(?:^|(?<=[\s\[{,]))!(?:<[^>\s]*>|[0-9A-Za-z\-]*!?[^\s,\[\]{}]*)(?=[ \t]|$|[,\]}])`,
        name: 'storage.type.tag-handle.yaml',
      },
    ],
  },
  'quoted-string': {
    patterns: [
      {
        begin: '"',
        end: '"',
        name: 'string.quoted.double.yaml',
        beginCaptures: { 0: { name: 'punctuation.definition.string.begin.yaml' } },
        endCaptures: { 0: { name: 'punctuation.definition.string.end.yaml' } },
        patterns: [
          {
            match: String.raw`\\(?:[0abtnvfre "/\\N_LP\t]|x\h{2}|u\h{4}|U\h{8}|$)`,
            name: 'constant.character.escape.yaml',
          },
        ],
      },
      {
        begin: "'",
        end: "'(?!')",
        name: 'string.quoted.single.yaml',
        beginCaptures: { 0: { name: 'punctuation.definition.string.begin.yaml' } },
        endCaptures: { 0: { name: 'punctuation.definition.string.end.yaml' } },
        patterns: [{ match: "''", name: 'constant.character.escape.single-quoted.yaml' }],
      },
    ],
  },
  'block-scalar-value': {
    patterns: [
      blockScalars.null,
      blockScalars.boolean,
      blockScalars.integer,
      blockScalars.float,
      {
        match: String.raw`(?:^|(?<=[ \t]))(?:[^${NOT_PLAIN_START}]|[-?:](?=\S)).*?${BLOCK_END}`,
        name: 'string.unquoted.plain.out.yaml',
      },
    ],
  },
  'flow-scalar-value': {
    patterns: [
      flowScalars.null,
      flowScalars.boolean,
      flowScalars.integer,
      flowScalars.float,
      {
        match: String.raw`(?<![^\s\[{,])(?:[^${NOT_PLAIN_START}]|[-?:](?=[^\s,\[\]{}]))[^,\[\]{}\n]*?${FLOW_END}`,
        name: 'string.unquoted.plain.in.yaml',
      },
    ],
  },
  'flow-separator': {
    match: ',',
    name: 'punctuation.separator.sequence.yaml',
  },
  'flow-sequence': flowSequence('#flow-content'),
  'flow-mapping': flowMapping('#flow-content'),
  'flow-content': {
    patterns: [
      { include: '#comment' },
      { include: '#flow-sequence' },
      { include: '#flow-mapping' },
      { include: '#flow-key' },
      { include: '#flow-separator' },
      { include: '#node-property' },
      { include: '#quoted-string' },
      { include: '#flow-scalar-value' },
    ],
  },
  yaml: {
    comment: 'Plain YAML in block context, without any strategy meaning.',
    patterns: [
      { include: '#comment' },
      { include: '#document-marker' },
      { include: '#directive' },
      { include: '#block-scalar' },
      { include: '#block-sequence-item' },
      { include: '#explicit-key' },
      { include: '#block-key' },
      { include: '#flow-sequence' },
      { include: '#flow-mapping' },
      { include: '#node-property' },
      { include: '#quoted-string' },
      { include: '#block-scalar-value' },
    ],
  },
};

function flowSequence(contentInclude) {
  return {
    begin: String.raw`\[`,
    end: String.raw`\]`,
    name: 'meta.flow-sequence.yaml',
    beginCaptures: { 0: { name: 'punctuation.definition.sequence.begin.yaml' } },
    endCaptures: { 0: { name: 'punctuation.definition.sequence.end.yaml' } },
    patterns: [{ include: contentInclude }],
  };
}

function flowMapping(contentInclude) {
  return {
    begin: String.raw`\{`,
    end: String.raw`\}`,
    name: 'meta.flow-mapping.yaml',
    beginCaptures: { 0: { name: 'punctuation.definition.mapping.begin.yaml' } },
    endCaptures: { 0: { name: 'punctuation.definition.mapping.end.yaml' } },
    patterns: [{ include: contentInclude }],
  };
}

// ---------------------------------------------------------------------------------------
// Strategy meaning: kinds of code scalars.

/**
 * A kind of code scalar. `qualified` kinds accept `doc-id/CODE`; their document part and
 * separator get the document-reference scopes.
 */
const codeKinds = {
  'item-definition': { scope: scopes.itemDefinition, qualified: false },
  'item-reference': { scope: scopes.itemReference, qualified: true },
  'goal-reference': { scope: scopes.goalReference, qualified: true },
  'document-definition': { scope: scopes.documentDefinition, qualified: false },
  'catalog-definition': { scope: scopes.catalogDefinition, qualified: false },
  'document-reference': { scope: scopes.documentReference, qualified: false },
  'descriptor-definition': { scope: scopes.descriptorDefinition, qualified: false },
  'descriptor-reference': { scope: scopes.descriptorReference, qualified: false },
  'area-definition': { scope: scopes.areaDefinition, qualified: false },
  'actor-definition': { scope: scopes.actorDefinition, qualified: false },
  'actor-reference': { scope: scopes.actorReference, qualified: false },
};

const codeRepository = {};
for (const [kind, { scope, qualified }] of Object.entries(codeKinds)) {
  const inner = qualified ? QUALIFIED : TOKEN;
  // `code-KIND` splits the text of one code into its parts.
  codeRepository[`code-${kind}`] = qualified
    ? {
        match: String.raw`(?:(${TOKEN})(/))?(${TOKEN})`,
        captures: {
          1: { name: scopes.documentReference },
          2: { name: scopes.namespaceSeparator },
          3: { name: scope },
        },
      }
    : { match: TOKEN, name: scope };
  // `scalar-KIND` takes the text of a whole scalar, quoted or not.
  codeRepository[`scalar-${kind}`] = {
    patterns: [
      {
        match: String.raw`(")(${inner})(")`,
        name: 'string.quoted.double.yaml',
        captures: {
          1: { name: 'punctuation.definition.string.begin.yaml' },
          2: { patterns: [{ include: `#code-${kind}` }] },
          3: { name: 'punctuation.definition.string.end.yaml' },
        },
      },
      {
        match: String.raw`(')(${inner})(')`,
        name: 'string.quoted.single.yaml',
        captures: {
          1: { name: 'punctuation.definition.string.begin.yaml' },
          2: { patterns: [{ include: `#code-${kind}` }] },
          3: { name: 'punctuation.definition.string.end.yaml' },
        },
      },
      { include: `#code-${kind}` },
    ],
  };
}

const scalarPattern = (kind) => scalarOf(codeKinds[kind].qualified ? QUALIFIED : TOKEN);

/** A `key: CODE` pair whose value is one code; serves block and flow mappings. */
function codeKey(name, key, kind, { topLevelOnly = false } = {}) {
  return [
    `key-${name}`,
    {
      match: String.raw`${topLevelOnly ? '^' : KEY_START}(${key})${COLON}[ \t]+(${scalarPattern(kind)})${ANY_END}`,
      captures: { ...keyCaptures(1, 2), 3: { patterns: [{ include: `#scalar-${kind}` }] } },
    },
  ];
}

// ---------------------------------------------------------------------------------------
// Contexts: the mappings (what `id:` and friends mean in them) and the keys that open regions.

/**
 * A mapping context: the key rules valid in a mapping of that kind, and the regions
 * (keys whose values hold codes) that may open inside it.
 */
const mappings = {
  root: { keys: ['id-item', 'strategy-definition', 'catalog-definition', 'goals-from', 'implements', 'group'], regions: ['related', 'goals', 'descriptors', 'actor-references', 'actors', 'areas', 'documents'] },
  actor: { keys: ['id-actor'], regions: [] },
  area: { keys: ['id-area'], regions: ['descriptors'] },
  descriptor: { keys: ['id-descriptor'], regions: [] },
  document: { keys: ['strategy-reference', 'id-outside-document'], regions: [] },
};

const keyRules = Object.fromEntries([
  codeKey('id-item', 'id', 'item-definition'),
  codeKey('strategy-definition', 'strategy', 'document-definition', { topLevelOnly: true }),
  codeKey('catalog-definition', 'catalog', 'catalog-definition', { topLevelOnly: true }),
  codeKey('goals-from', 'goalsFrom', 'document-reference'),
  codeKey('id-actor', 'id', 'actor-definition'),
  codeKey('id-area', 'id', 'area-definition'),
  codeKey('id-descriptor', 'id', 'descriptor-definition'),
  codeKey('strategy-reference', 'strategy', 'document-reference'),
  // The strategy a plan implements (spec 6.3), and the id of an outside document declared in `documents` (spec 6.4).
  codeKey('implements', 'implements', 'document-reference', { topLevelOnly: true }),
  codeKey('id-outside-document', 'id', 'document-definition'),
  // A group's heading (spec 6.2): a title, coloured as a section so that the uncoded level stands out.
  [
    'key-group',
    {
      match: String.raw`${KEY_START}(group)${COLON}[ \t]+([^\s#"'{\[][^#]*?|"[^"]*"|'[^']*')${BLOCK_END}`,
      captures: { ...keyCaptures(1, 2), 3: { name: scopes.groupHeading } },
    },
  ],
]);

/**
 * A region: a key whose value is a code, a list of codes (`entry`, a code kind), or a
 * list of mappings (`mapping`, a mapping context) — or, for `descriptors`, either.
 */
const regions = {
  // `after` (spec 6.6) lists items as `related` does.
  related: { key: 'related|after', entry: 'item-reference', mapping: 'root' },
  goals: { key: 'goals', entry: 'goal-reference', mapping: 'root' },
  descriptors: { key: 'descriptors', entry: 'descriptor-reference', mapping: 'descriptor' },
  'actor-references': { key: 'responsible|partners', entry: 'actor-reference', mapping: 'root' },
  actors: { key: 'actors', entry: null, mapping: 'actor' },
  areas: { key: 'areas', entry: null, mapping: 'area' },
  documents: { key: 'documents', entry: null, mapping: 'document' },
};

const contextRepository = { ...keyRules };

for (const [name, { keys, regions: inner }] of Object.entries(mappings)) {
  // `mapping-NAME`: block content of a mapping of this kind.
  contextRepository[`mapping-${name}`] = {
    patterns: [
      { include: '#comment' },
      { include: '#block-scalar' },
      ...inner.map((r) => ({ include: `#region-${r}` })),
      ...keys.map((k) => ({ include: `#key-${k}` })),
      { include: `#flow-mapping-${name}` },
      { include: '#yaml' },
    ],
  };
  // `flow-mapping-NAME` / `flow-content-NAME`: the same inside `{ }`.
  contextRepository[`flow-mapping-${name}`] = flowMapping(`#flow-content-${name}`);
  contextRepository[`flow-content-${name}`] = {
    patterns: [
      { include: '#comment' },
      ...inner.map((r) => ({ include: `#flow-region-${r}` })),
      ...keys.map((k) => ({ include: `#key-${k}` })),
      { include: `#flow-mapping-${name}` },
      { include: '#flow-content' },
    ],
  };
}

for (const [name, { key, entry, mapping }] of Object.entries(regions)) {
  const keyGroup = `(${key})`;
  const entryScalar = entry ? scalarPattern(entry) : null;
  const entryCaptures = (group) => ({ [group]: { patterns: [{ include: `#scalar-${entry}` }] } });

  // `values-NAME`: what may follow the key, on its line and below it (block context).
  const valuePatterns = [{ include: '#comment' }];
  if (entry) {
    valuePatterns.push(
      {
        comment: 'A single code on the line of the key.',
        match: String.raw`\G[ \t]+(${entryScalar})${BLOCK_END}`,
        captures: entryCaptures(1),
      },
      {
        comment: 'A block sequence entry holding one code.',
        match: String.raw`^[ ]*(-)[ \t]+(${entryScalar})${BLOCK_END}`,
        captures: { 1: { name: 'punctuation.definition.block.sequence.item.yaml' }, ...entryCaptures(2) },
      },
      { include: `#flow-sequence-${name}` },
    );
  } else {
    valuePatterns.push({ include: `#flow-sequence-${name}` });
  }
  valuePatterns.push({ include: `#mapping-${mapping}` });
  contextRepository[`values-${name}`] = { patterns: valuePatterns };

  // `flow-sequence-NAME`: `[ … ]` as the value of the key.
  contextRepository[`flow-sequence-${name}`] = flowSequence(`#flow-values-${name}`);
  contextRepository[`flow-values-${name}`] = {
    patterns: [
      { include: '#comment' },
      ...(entry
        ? [
            {
              match: String.raw`(?<![^\s\[,])(${entryScalar})${FLOW_END}`,
              captures: entryCaptures(1),
            },
          ]
        : []),
      { include: `#flow-mapping-${mapping}` },
      { include: `#flow-content-${mapping}` },
    ],
  };

  // `region-NAME`: the key in block context, alone on its line's indentation or after `- `.
  const continuation = String.raw`(?:[ ]|-(?:[ ]|$))`;
  contextRepository[`region-${name}`] = {
    patterns: [
      {
        begin: String.raw`^([ ]*)${keyGroup}${COLON}`,
        end: String.raw`^(?!\1${continuation}|[ \t]*(?:#|$))`,
        beginCaptures: keyCaptures(2, 3),
        patterns: [{ include: `#values-${name}` }],
      },
      {
        begin: String.raw`^([ ]*)(-)([ ]+)${keyGroup}${COLON}`,
        end: String.raw`^(?!\1[ ]\3${continuation}|[ \t]*(?:#|$))`,
        beginCaptures: {
          2: { name: 'punctuation.definition.block.sequence.item.yaml' },
          ...keyCaptures(4, 5),
        },
        patterns: [{ include: `#values-${name}` }],
      },
    ],
  };

  // `flow-region-NAME`: the key inside `{ }`, up to the next `,` or the closing bracket.
  const flowValuePatterns = [{ include: '#comment' }];
  if (entry) {
    flowValuePatterns.push({
      match: String.raw`(?<![^\s\[,:])(${entryScalar})${FLOW_END}`,
      captures: entryCaptures(1),
    });
  }
  flowValuePatterns.push({ include: `#flow-sequence-${name}` }, { include: `#flow-mapping-${mapping}` }, { include: '#flow-content' });
  contextRepository[`flow-region-${name}`] = {
    begin: String.raw`(?<![^\s{\[,])${keyGroup}[ \t]*(:)(?=[ \t]|$|[\[{])`,
    end: String.raw`(?=[,\]}])`,
    beginCaptures: keyCaptures(1, 2),
    patterns: flowValuePatterns,
  };
}

const strategyYaml = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Strategy YAML',
  scopeName: 'source.strategy-yaml',
  comment:
    'Generated by syntaxes/generate-grammars.mjs: edit that script, not this file. YAML for strategy documents (*.strategy.yaml) and descriptor catalogs (*.descriptors.yaml), with the codes of items, documents, descriptors and actors in scopes of their own.',
  fileTypes: ['strategy.yaml', 'strategy.yml', 'descriptors.yaml', 'descriptors.yml'],
  patterns: [{ include: '#mapping-root' }],
  repository: sortKeys({ ...yamlRepository, ...codeRepository, ...contextRepository }),
};

// ---------------------------------------------------------------------------------------
// The Markdown injection: qualified references `doc-id/CODE` in prose (spec §5).

/** A code as the spec defines it: segments of digits, or capitals optionally followed by digits. */
const SEGMENT = String.raw`(?:[0-9]+|[A-Z]+[0-9]*)`;
const CODE = String.raw`${SEGMENT}(?:\.${SEGMENT})*`;
/** A document id with at least one letter. */
const DOC_ID = String.raw`(?=[a-z0-9-]*[a-z])[a-z0-9][a-z0-9-]*`;

const markdownInjection = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Strategy codes in Markdown',
  scopeName: 'markdown.strategy-codes.injection',
  comment:
    'Generated by syntaxes/generate-grammars.mjs: edit that script, not this file. Highlights qualified references doc-id/CODE in Markdown outside fenced and indented code blocks.',
  injectionSelector: 'L:text.html.markdown -markup.fenced_code -markup.raw.block',
  patterns: [{ include: '#inline-code' }, { include: '#qualified-reference' }],
  repository: {
    'inline-code': {
      comment:
        "Markdown's own rule for `code spans` is one match, so nothing can be injected into it. The spec lets references inside code spans count, so this rule, which wins over Markdown's at the same position, matches the span the same way, gives it the same scopes, and looks for references inside.",
      match: String.raw`(\x60+)((?:[^\x60]|(?!(?<!\x60)\1(?!\x60))\x60)*+)(\1)`,
      name: 'markup.inline.raw.string.markdown',
      captures: {
        1: { name: 'punctuation.definition.raw.markdown' },
        2: { patterns: [{ include: '#qualified-reference' }] },
        3: { name: 'punctuation.definition.raw.markdown' },
      },
    },
    'qualified-reference': {
      comment:
        'Not after "/", ":" or a word character (so not inside a URL or a path). The code ends before a word character, "/", "-" or a "." that goes on with a word, so trailing sentence punctuation is left out and a longer token is not cut into a reference.',
      match: String.raw`(?<![/:.\w-])(${DOC_ID})(/)(?>(${CODE}))(?![\w/\-]|\.[\w/])`,
      name: 'meta.reference.strategy-code.markdown',
      captures: {
        1: { name: 'entity.name.namespace.strategy-document.reference.markdown' },
        2: { name: 'punctuation.separator.namespace.markdown' },
        3: { name: 'variable.other.strategy-code.reference.markdown' },
      },
    },
  },
};

// ---------------------------------------------------------------------------------------

function sortKeys(object) {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => a.localeCompare(b)));
}

const outputs = {
  'strategy-yaml.tmLanguage.json': strategyYaml,
  'strategy-markdown-injection.tmLanguage.json': markdownInjection,
};

const check = process.argv.includes('--check');
let stale = false;
for (const [file, grammar] of Object.entries(outputs)) {
  const path = join(here, file);
  const text = JSON.stringify(grammar, null, 2) + '\n';
  if (check) {
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      // A missing file is stale like any other.
    }
    if (current !== text) {
      console.error(`${file} is out of date: run node syntaxes/generate-grammars.mjs`);
      stale = true;
    }
  } else {
    writeFileSync(path, text);
    console.log(`wrote syntaxes/${file}`);
  }
}
process.exit(stale ? 1 : 0);

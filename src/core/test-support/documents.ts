/**
 * fast-check arbitraries for ossec.conf-like texts: commands, responses, comments (with `--`), other sections,
 * `<localfile><command>`, several roots or none, spaces or tabs, LF or CRLF, with or without a final newline.
 * Values are drawn from what the dialect can carry, including `&`, `>`, entities and non-ASCII text.
 */

import fc from 'fast-check';

export const valueArbitrary = fc
  .array(
    fc.constantFrom(
      'a',
      'Z',
      '0',
      '7',
      ' ',
      '-',
      '_',
      ',',
      '|',
      '.',
      '&',
      '&amp;',
      '>',
      '!',
      'é',
      '\\\\',
      '\t',
      '/',
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

/** Values the editor will write (it refuses a trailing backslash, which OSSEC would read as escaping the closing tag). */
export const editableValueArbitrary = valueArbitrary.filter((value) => !value.endsWith('\\'));

export const FIELD_NAMES = {
  command: ['name', 'executable', 'expect', 'timeout_allowed', 'extra_args'],
  'active-response': [
    'disabled',
    'command',
    'location',
    'agent_id',
    'level',
    'rules_id',
    'rules_group',
    'timeout',
    'repeated_offenders',
  ],
} as const;

export type BlockKindName = keyof typeof FIELD_NAMES;

export const fieldNameArbitrary = (kind: BlockKindName) => fc.constantFrom(...FIELD_NAMES[kind]);

interface Style {
  eol: string;
  unit: string;
}

const childArbitrary = (kind: BlockKindName) =>
  fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .tuple(fieldNameArbitrary(kind), valueArbitrary)
        .map(([n, v]) => ({ kind: 'field' as const, n, v })),
    },
    { weight: 1, arbitrary: fieldNameArbitrary(kind).map((n) => ({ kind: 'empty' as const, n })) },
    { weight: 1, arbitrary: fc.constant({ kind: 'comment' as const }) },
  );

const blockArbitrary = fc
  .constantFrom<BlockKindName>('command', 'active-response')
  .chain((kind) =>
    fc.array(childArbitrary(kind), { minLength: 1, maxLength: 6 }).map((children) => ({ kind, children })),
  );

type SectionSpec =
  | {
      kind: 'block';
      block: {
        kind: BlockKindName;
        children: Array<
          { kind: 'field'; n: string; v: string } | { kind: 'empty'; n: string } | { kind: 'comment' }
        >;
      };
    }
  | { kind: 'comment' }
  | { kind: 'localfile' }
  | { kind: 'global' };

const sectionArbitrary: fc.Arbitrary<SectionSpec> = fc.oneof(
  { weight: 6, arbitrary: blockArbitrary.map((block) => ({ kind: 'block' as const, block })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'comment' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'localfile' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'global' as const }) },
);

function printSection(section: SectionSpec, indent: string, style: Style): string {
  const { eol, unit } = style;
  switch (section.kind) {
    case 'comment':
      return `<!-- note -- with dashes${eol}${indent}  <active-response>not a block</active-response> -->`;
    case 'localfile':
      return `<localfile>${eol}${indent}${unit}<log_format>command</log_format>${eol}${indent}${unit}<command>df -P</command>${eol}${indent}</localfile>`;
    case 'global':
      return `<global>${eol}${indent}${unit}<white_list>127.0.0.1</white_list>${eol}${indent}</global>`;
    case 'block': {
      const inner = indent + unit;
      const lines = section.block.children.map((child) => {
        if (child.kind === 'comment') return `${inner}<!-- a comment -->`;
        if (child.kind === 'empty') return `${inner}<${child.n} />`;
        return `${inner}<${child.n}>${child.v}</${child.n}>`;
      });
      return `<${section.block.kind}>${eol}${lines.join(eol)}${eol}${indent}</${section.block.kind}>`;
    }
  }
}

export const documentArbitrary = fc
  .record({
    eol: fc.constantFrom('\n', '\r\n'),
    unit: fc.constantFrom('  ', '    ', '\t'),
    roots: fc.array(fc.array(sectionArbitrary, { maxLength: 6 }), { minLength: 0, maxLength: 3 }),
    fragment: fc.array(blockArbitrary, { maxLength: 4 }),
    finalNewline: fc.boolean(),
    leadingComment: fc.boolean(),
  })
  .map(({ eol, unit, roots, fragment, finalNewline, leadingComment }) => {
    const style = { eol, unit };
    const parts: string[] = [];
    if (leadingComment) parts.push('<!-- ossec.conf -- generated -->');
    if (roots.length > 0) {
      for (const sections of roots) {
        const body = sections.map((s) => unit + printSection(s, unit, style));
        parts.push(['<ossec_config>', ...body, '</ossec_config>'].join(eol));
      }
    } else {
      for (const block of fragment) parts.push(printSection({ kind: 'block', block }, '', style));
    }
    const text = parts.join(eol + eol);
    return finalNewline && text.length > 0 ? text + eol : text;
  });

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arConfLines } from '../derive/ar-conf';
import { deriveResponses } from '../derive/responses';
import { readDocument } from '../model/read';
import { TARGETS } from '../targets/target';
import { PROPERTY_TEST_TIMEOUT } from '../test-support/timeouts';
import { validate } from './validate';

/** Pieces of ossec.conf, broken or not, glued in any order. */
const piece = fc.constantFrom(
  '<ossec_config>',
  '</ossec_config>',
  '<command>',
  '</command>',
  '<active-response>',
  '</active-response>',
  '<name>a</name>',
  '<name>',
  '<executable>a.sh</executable>',
  '<command>a</command>',
  '<location>local</location>',
  '<location>defined-agent</location>',
  '<agent_id>0</agent_id>',
  '<level>7</level>',
  '<timeout>600s</timeout>',
  '<disabled>yes</disabled>',
  '<repeated_offenders>0,5</repeated_offenders>',
  '<expect/>',
  '<!-- c -->',
  '<!-- ',
  '<?xml version="1.0"?>',
  '<![CDATA[x]]>',
  '<agent_config>',
  '<client/>',
  '# ',
  '&amp;',
  '\n',
  ' ',
);

describe('validation on any input', () => {
  it(
    'never throws, and every finding has a position inside the text',
    () => {
      fc.assert(
        fc.property(
          fc.array(piece, { maxLength: 30 }),
          fc.constantFrom(...TARGETS),
          fc.constantFrom('auto' as const, 'manager' as const, 'agent' as const),
          (pieces, target, role) => {
            const text = pieces.join('');
            const doc = readDocument(text);
            for (const d of validate(doc, { target, role })) {
              expect(d.offset).toBeGreaterThanOrEqual(0);
              expect(d.offset).toBeLessThanOrEqual(text.length);
              expect(d.line).toBeGreaterThan(0);
            }
            arConfLines(doc, target, role);
            deriveResponses(doc, target, role);
          },
        ),
        { numRuns: 1000 },
      );
    },
    PROPERTY_TEST_TIMEOUT,
  );
});

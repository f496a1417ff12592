import { describe, expect, it } from 'vitest';
import { applyOps } from '../model/edit';
import { readDocument } from '../model/read';
import { conf } from './testing';
import { validate } from './validate';

describe('fixes act on the element their diagnostic points at', () => {
  it('sets the flagged occurrence of a repeated field, not the last one', () => {
    const text = conf(
      '<active-response><disabled>YES</disabled><command>a</command><location>local</location><disabled>Yes</disabled></active-response>',
    );
    const doc = readDocument(text);
    const flagged = validate(doc, { role: 'manager' }).filter((d) => d.code === 'A15');
    expect(flagged.map((d) => d.column)).toEqual([20, 90]);
    const first = applyOps(doc, flagged[0].fix?.ops ?? []);
    expect(first.text).toBe(text.replace('<disabled>YES</disabled>', '<disabled>yes</disabled>'));
    const last = applyOps(doc, flagged[1].fix?.ops ?? []);
    expect(last.text).toBe(text.replace('<disabled>Yes</disabled>', '<disabled>yes</disabled>'));
    expect(flagged[1].fix?.ops).toEqual([{ op: 'setField', blockIndex: 0, field: 'disabled', value: 'yes' }]);
  });
});

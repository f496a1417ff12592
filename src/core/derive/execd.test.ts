import { describe, expect, it } from 'vitest';
import { toProfile } from '../targets/target';
import { readOffenders } from './execd';

const wazuh = toProfile('wazuh@4.14');
const minutes = (value: string, target = wazuh) => readOffenders(value, target).minutes;

describe('readOffenders', () => {
  it('reads repeated_offenders as execd does: five entries at most, a 0 ends the list', () => {
    expect(minutes('30,60,120')).toEqual([30, 60, 120]);
    expect(minutes('1,2,3,4,5,6')).toEqual([1, 2, 3, 4, 5]);
    expect(readOffenders('1,2,3,4,5,6', wazuh)).toMatchObject({ merged: true, stored: [1, 2, 3, 4, 5] });
    expect(minutes('10, abc, 30')).toEqual([10]);
    expect(minutes('0,10')).toEqual([]);
    expect(minutes('-5')).toEqual([-5]);
    expect(minutes('')).toEqual([]);
  });

  it('skips an empty or blank entry instead of ending the list there', () => {
    expect(minutes('30,,60')).toEqual([30, 60]);
    expect(minutes('30, \t,60')).toEqual([30, 60]);
    expect(readOffenders('30,,60', wazuh).merged).toBe(false);
  });

  it('keeps an escaped comma inside one entry on Wazuh 4.0+ only', () => {
    expect(minutes('30\\,60,120')).toEqual([30, 120]);
    expect(minutes('30\\,60,120', toProfile('wazuh@3.13'))).toEqual([30, 60, 120]);
    expect(minutes('30\\,60,120', toProfile('ossec@3.7'))).toEqual([30, 60, 120]);
  });
});

import { describe, expect, it } from 'vitest';
import { lastJsonObject } from './lastJsonObject.js';

describe('lastJsonObject', () => {
  it('reads an object on a line of its own, after other output and before trailing text', () => {
    expect(lastJsonObject('{"line":3,"rule":"6"}\n')).toEqual({ line: 3, rule: '6' });
    expect(lastJsonObject('checking 5 events\n{"line":3,"rule":"6"}\ndone\n')).toEqual({
      line: 3,
      rule: '6',
    });
  });

  it('takes the last of several objects', () => {
    expect(lastJsonObject('{"line":1}\n{"line":2}\n')).toEqual({ line: 2 });
  });

  it('reads an object spread over lines, as `devolve verify --json` prints it', () => {
    const printed =
      '{\n  "ok": false,\n  "firstBad": {\n    "index": 2\n  },\n  "line": 3,\n  "rule": "6"\n}\n';
    expect(lastJsonObject(printed)).toEqual({ ok: false, firstBad: { index: 2 }, line: 3, rule: '6' });
    expect(lastJsonObject(`progress\n${printed}`)).toMatchObject({ line: 3 });
  });

  it('finds nothing in output without a JSON object', () => {
    expect(lastJsonObject('')).toBeUndefined();
    expect(lastJsonObject('bad at line 3\n')).toBeUndefined();
    expect(lastJsonObject('[3, "6"]\n')).toBeUndefined();
    expect(lastJsonObject('{"line":3,\n')).toBeUndefined();
  });
});

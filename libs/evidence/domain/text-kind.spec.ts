import { classifyText } from './text-kind';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('classifyText', () => {
  it('recognises plain UTF-8 text, with or without a BOM', () => {
    expect(classifyText(bytes('I did not train a rival model.\nHere is my usage log.\n'))).toBe('text/plain');
    expect(classifyText(bytes('\ufeff申诉: 我没有违反条款'))).toBe('text/plain');
    expect(classifyText(bytes('\u001b[31mERROR\u001b[0m request 42\ttimed out\r\n'))).toBe('text/plain');
  });

  it('recognises JSON objects and arrays that parse, and nothing else as JSON', () => {
    expect(classifyText(bytes(' {"requests": 12, "ok": true}\n'))).toBe('application/json');
    expect(classifyText(bytes('[1, 2, 3]'))).toBe('application/json');
    expect(classifyText(bytes('{"unterminated": '))).toBe('text/plain');
    expect(classifyText(bytes('42'))).toBe('text/plain');
  });

  it('recognises CSV with consistent fields, quoted delimiters and newlines included', () => {
    expect(classifyText(bytes('date,requests\n2024-01-01,12\n2024-01-02,9\n'))).toBe('text/csv');
    expect(classifyText(bytes('name;note\r\n"Smith; J.";"said ""hi""\nthen left"\r\n'))).toBe('text/csv');
    expect(classifyText(bytes('a,b\n1,2,3\n'))).toBe('text/plain');
    expect(classifyText(bytes('just one line, with a comma'))).toBe('text/plain');
    expect(classifyText(bytes('a,"b\n1,2\n'))).toBe('text/plain');
  });

  it('refuses binary data: NUL bytes, invalid UTF-8, stray control characters, nothing at all', () => {
    expect(classifyText(Uint8Array.from([0x68, 0x69, 0x00, 0x21]))).toBeNull();
    expect(classifyText(Uint8Array.from([0x68, 0xc3, 0x28]))).toBeNull();
    expect(classifyText(bytes('MZ\u0090\u0003 header'))).toBeNull();
    expect(classifyText(bytes('bell\u0007'))).toBeNull();
    expect(classifyText(new Uint8Array())).toBeNull();
  });
});

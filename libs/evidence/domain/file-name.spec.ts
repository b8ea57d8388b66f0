import { evidenceFileName, MAX_FILE_NAME_LENGTH, sanitiseFileName } from './file-name';

describe('sanitiseFileName', () => {
  it('keeps only the last path component and drops bidi overrides', () => {
    expect(sanitiseFileName('../../etc/passwd\u202e.pdf')).toBe('passwd.pdf');
    expect(sanitiseFileName('C:\\Users\\me\\..\\secret.txt')).toBe('secret.txt');
  });

  it('strips control and invisible characters and collapses whitespace', () => {
    expect(sanitiseFileName('in\u0000vo\u200bice\u2066 \t\n  2024\u00ad.pdf')).toBe('invoice 2024.pdf');
    expect(sanitiseFileName('  report\u3000final .png ')).toBe('report final .png');
  });

  it('replaces characters Windows refuses and trims dots', () => {
    expect(sanitiseFileName('a<b>c:"d"|e?*.txt')).toBe('a_b_c__d__e__.txt');
    expect(sanitiseFileName('...hidden.')).toBe('hidden');
  });

  it('falls back to "evidence" when nothing is left', () => {
    for (const raw of ['', '..', '../', '\u202e\u200b', undefined, null, ' . ']) {
      expect(sanitiseFileName(raw)).toBe('evidence');
    }
  });

  it('bounds the length by code points and keeps the extension', () => {
    const long = sanitiseFileName(`${'😀'.repeat(300)}.jpeg`);
    expect(Array.from(long)).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(long.endsWith('😀.jpeg')).toBe(true);
    expect(long).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it('keeps ordinary international names as they are', () => {
    expect(sanitiseFileName('申诉材料 (2).pdf')).toBe('申诉材料 (2).pdf');
    expect(sanitiseFileName('Cafe\u0301.txt')).toBe('Café.txt');
  });
});

describe('evidenceFileName', () => {
  it('keeps an extension that matches the detected type', () => {
    expect(evidenceFileName('scan.JPG', 'image/jpeg')).toBe('scan.JPG');
    expect(evidenceFileName('export.csv', 'text/plain')).toBe('export.csv');
  });

  it('adds the detected type’s extension when the name claims another or none', () => {
    expect(evidenceFileName('photo.pdf', 'image/png')).toBe('photo.pdf.png');
    expect(evidenceFileName('page.html', 'text/plain')).toBe('page.html.txt');
    expect(evidenceFileName('statement', 'application/pdf')).toBe('statement.pdf');
    expect(evidenceFileName('', 'application/json')).toBe('evidence.json');
  });

  it('stays within the bound after adding an extension', () => {
    const name = evidenceFileName('x'.repeat(MAX_FILE_NAME_LENGTH), 'image/webp');
    expect(name).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(name.endsWith('.webp')).toBe(true);
  });
});

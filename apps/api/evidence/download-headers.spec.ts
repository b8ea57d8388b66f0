import { attachmentDisposition } from './download-headers';

describe('attachmentDisposition', () => {
  it('sends a plain ASCII name as is', () => {
    expect(attachmentDisposition('passwd.pdf')).toBe(
      `attachment; filename="passwd.pdf"; filename*=UTF-8''passwd.pdf`,
    );
  });

  it('encodes non-ASCII names in filename* and degrades them in filename', () => {
    expect(attachmentDisposition('Café 申诉.txt')).toBe(
      `attachment; filename="Cafe __.txt"; filename*=UTF-8''Caf%C3%A9%20%E7%94%B3%E8%AF%89.txt`,
    );
  });

  it('never lets a quote, backslash or percent sequence through to the quoted fallback', () => {
    const header = attachmentDisposition(`it's (100%) "done"\\.pdf`);
    expect(header).toBe(
      `attachment; filename="it's (100_) _done__.pdf"; filename*=UTF-8''it%27s%20%28100%25%29%20%22done%22%5C.pdf`,
    );
  });
});

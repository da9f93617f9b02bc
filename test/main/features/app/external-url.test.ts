import { describe, expect, it } from 'vitest';
import { allowedExternalUrl } from '../../../../main/features/app/external-url';

const HUB = 'https://huggingface.co';

describe('allowedExternalUrl', () => {
  for (const url of [
    'https://huggingface.co/settings/keys',
    'https://huggingface.co/settings/tokens/new?tokenType=write',
    'https://hf.co/docs',
    'https://git-scm.com/download/win',
    'https://git-lfs.com/',
  ]) {
    it(`allows ${url}`, () => {
      expect(allowedExternalUrl(url, HUB)).toBe(new URL(url).toString());
    });
  }

  for (const url of [
    'javascript:alert(1)',
    'file:///etc/passwd',
    'http://huggingface.co/settings/keys',
    'https://huggingface.co.evil.example/',
    'https://evilhuggingface.co/',
    'https://huggingface.co@evil.example/',
    'https://user:pass@huggingface.co/',
    'https://huggingface.co:8443/',
    'https://evil.example/?https://huggingface.co',
    'https://evil.example\\@huggingface.co/',
    'data:text/html,<script>alert(1)</script>',
    'https://huggingface.co%2eevil.example/',
    'https://xn--huggingface-xyz.co/',
    ' https://huggingface.co/\n',
    'not a url',
    `https://huggingface.co/${'a'.repeat(3000)}`,
    'vbscript:msgbox(1)',
    'ms-settings:privacy',
    'smb://evil.example/share',
    'https://huggingface.co./',
    'https://huggingface.co%40evil.example/',
    'https://evil.example#@huggingface.co',
    'https://127.0.0.1/',
    'https://[::1]/',
    'HTTPS://EVIL.EXAMPLE/',
    'app://hf-git-desktop/index.html',
  ]) {
    it(`refuses ${JSON.stringify(url).slice(0, 80)}`, () => {
      expect(allowedExternalUrl(url, HUB)).toBeUndefined();
    });
  }

  it('trusts the configured endpoint, even over http on loopback', () => {
    expect(allowedExternalUrl('http://127.0.0.1:4000/settings/keys', 'http://127.0.0.1:4000')).toBe(
      'http://127.0.0.1:4000/settings/keys',
    );
    expect(
      allowedExternalUrl('http://127.0.0.1:4001/settings/keys', 'http://127.0.0.1:4000'),
    ).toBeUndefined();
  });
});

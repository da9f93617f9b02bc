import { describe, expect, it } from 'vitest';
import { maskToken, redactSecrets } from '../../../main/core/redact';
import { readRemoteUrl } from '../../../main/git/remote-url';

const TOKEN = 'hf_RedactTestTokenAbcdefghij01';

describe('redactSecrets', () => {
  it.each([
    ['a bare token', `token ${TOKEN} here`, 'token hf_*** here'],
    ['a token in a URL', `https://alice:${TOKEN}@huggingface.co/a/b`, 'https://alice:***@huggingface.co/a/b'],
    ['a token as the URL user', `https://${TOKEN}@huggingface.co/a/b`, 'https://hf_***@huggingface.co/a/b'],
    ['a password in a URL', 'http://bob:hunter2@127.0.0.1:8080/x', 'http://bob:***@127.0.0.1:8080/x'],
    ['a legacy org token', 'api_org_abcdefghijklmnopqrstuvwxyz', 'api_org_***'],
    ['a token in a query', `https://h/x?token=${TOKEN}`, 'https://h/x?token=hf_***'],
    ['two tokens on two lines', `${TOKEN}\n${TOKEN}`, 'hf_***\nhf_***'],
    ['an Authorization header', `Authorization: Bearer ${TOKEN}`, 'Authorization: Bearer hf_***'],
  ])('hides %s', (_label, text, expected) => {
    expect(redactSecrets(text)).toBe(expected);
  });

  it.each([
    ['a folder called hf_models', '/home/a/hf_models/x'],
    ['a URL without a password', 'https://alice@huggingface.co/a/b'],
    ['an SSH address', 'git@hf.co:alice/model'],
    ['plain words', 'Permission denied (publickey).'],
  ])('leaves %s alone', (_label, text) => {
    expect(redactSecrets(text)).toBe(text);
  });

  it('masks a token for display as its last four characters', () => {
    expect(maskToken(TOKEN)).toBe('hf_…ij01');
    expect(maskToken('hf_short')).toBe('hf_…');
  });
});

describe('readRemoteUrl', () => {
  const hub = 'https://huggingface.co';
  it.each([
    [
      'https://huggingface.co/alice/model',
      { kind: 'hub-https', repo: 'alice/model', namespace: 'alice', hasSecret: false },
    ],
    ['https://huggingface.co/alice/model.git', { kind: 'hub-https', repo: 'alice/model' }],
    [
      'https://huggingface.co/datasets/alice/data',
      { kind: 'hub-https', repo: 'datasets/alice/data', namespace: 'alice' },
    ],
    [
      'https://hf.co/spaces/alice/demo/',
      { kind: 'hub-https', repo: 'spaces/alice/demo', namespace: 'alice' },
    ],
    [
      `https://alice:${TOKEN}@huggingface.co/alice/model`,
      { kind: 'hub-https', hasSecret: true, username: 'alice', clean: 'https://huggingface.co/alice/model' },
    ],
    ['https://bob@huggingface.co/alice/model', { kind: 'hub-https', hasSecret: false, username: 'bob' }],
    ['git@hf.co:alice/model', { kind: 'hub-ssh', repo: 'alice/model' }],
    ['ssh://git@hf.co/datasets/alice/data', { kind: 'hub-ssh', repo: 'datasets/alice/data' }],
    ['https://github.com/alice/model', { kind: 'other', hasSecret: false }],
    ['git@github.com:alice/model', { kind: 'other' }],
    ['/srv/repos/model.git', { kind: 'other' }],
    ['https://huggingface.co/alice', { kind: 'hub-https', hasSecret: false }],
  ])('reads %s', (url, expected) => {
    expect(readRemoteUrl(url, hub, 'hf.co')).toMatchObject(expected);
  });

  it('has no repo for an address that is not a repo', () => {
    expect(readRemoteUrl('https://huggingface.co/alice', hub, 'hf.co').repo).toBeUndefined();
  });
});

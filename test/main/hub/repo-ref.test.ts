import { describe, expect, it } from 'vitest';
import { cloneUrl, parseRepoInput, validRevision } from '../../../main/hub/repo-ref';

const hub = { endpoint: 'https://huggingface.co', sshHost: 'hf.co' };

describe('parseRepoInput: what people paste', () => {
  it.each([
    ['https://huggingface.co/alice/my-model', 'model', 'alice/my-model', undefined],
    ['https://huggingface.co/alice/my-model.git', 'model', 'alice/my-model', undefined],
    ['https://huggingface.co/alice/my-model/', 'model', 'alice/my-model', undefined],
    ['https://huggingface.co/datasets/alice/data', 'dataset', 'datasets/alice/data', undefined],
    ['https://huggingface.co/spaces/alice/demo', 'space', 'spaces/alice/demo', undefined],
    ['https://hf.co/alice/my-model', 'model', 'alice/my-model', undefined],
    ['hf.co/datasets/alice/data', 'dataset', 'datasets/alice/data', undefined],
    ['huggingface.co/spaces/alice/demo', 'space', 'spaces/alice/demo', undefined],
    ['git@hf.co:alice/my-model', 'model', 'alice/my-model', undefined],
    ['git@hf.co:datasets/alice/data', 'dataset', 'datasets/alice/data', undefined],
    ['git@hf.co:spaces/alice/demo.git', 'space', 'spaces/alice/demo', undefined],
    ['ssh://git@hf.co/alice/my-model', 'model', 'alice/my-model', undefined],
    ['https://huggingface.co/alice/my-model/tree/main', 'model', 'alice/my-model', 'main'],
    ['https://huggingface.co/alice/my-model/tree/v1.0/subfolder', 'model', 'alice/my-model', 'v1.0'],
    ['https://huggingface.co/alice/my-model/blob/main/config.json', 'model', 'alice/my-model', 'main'],
    [
      'https://huggingface.co/alice/my-model/resolve/0123abc/model.safetensors',
      'model',
      'alice/my-model',
      '0123abc',
    ],
    [
      'https://huggingface.co/datasets/alice/data/tree/refs%2Fconvert%2Fparquet',
      'dataset',
      'datasets/alice/data',
      'refs/convert/parquet',
    ],
    ['https://huggingface.co/alice/my-model/commit/9f2e1a0', 'model', 'alice/my-model', '9f2e1a0'],
    ['alice/my-model', 'model', 'alice/my-model', undefined],
    ['  alice/my-model\n', 'model', 'alice/my-model', undefined],
    ['datasets/alice/data', 'dataset', 'datasets/alice/data', undefined],
    ['https://huggingface.co/models/alice/my-model', 'model', 'alice/my-model', undefined],
  ])('reads %s', (input, kind, path, revision) => {
    const result = parseRepoInput(input, hub);
    expect(result).toEqual({
      ok: true,
      ref: expect.objectContaining({ kind, path, ...(revision ? { revision } : {}) }),
    });
    if (result.ok && !revision) expect(result.ref.revision).toBeUndefined();
  });

  it('asks the screen which kind a bare NAME/REPO is', () => {
    expect(parseRepoInput('alice/data', hub, 'dataset')).toMatchObject({
      ok: true,
      ref: { path: 'datasets/alice/data' },
    });
    expect(parseRepoInput('alice/demo', hub, 'space')).toMatchObject({
      ok: true,
      ref: { path: 'spaces/alice/demo' },
    });
  });

  it('accepts a test hub’s own endpoint, over http only when it is http', () => {
    const local = { endpoint: 'http://127.0.0.1:8123', sshHost: '127.0.0.1' };
    expect(parseRepoInput('http://127.0.0.1:8123/alice/m', local)).toMatchObject({ ok: true });
    expect(parseRepoInput('http://huggingface.co/alice/m', hub)).toMatchObject({ ok: false });
  });
});

describe('parseRepoInput: refused, each with a reason', () => {
  it.each([
    ['nothing', '   ', /Paste the address/],
    ['an option', '--upload-pack=touch /tmp/pwned', /option/],
    ['an option after spaces', '  -oProxyCommand=x', /option/],
    ['the ext:: transport', 'ext::sh -c touch% /tmp/pwned', /ext::/],
    ['the fd:: transport', 'fd::3', /ext::/],
    ['file://', 'file:///etc/passwd', /folder on this computer/],
    ['an absolute path', '/etc', /folder on this computer/],
    ['a relative path', '../other-repo', /folder on this computer|"\.\." parts/],
    ['a home path', '~/models/x', /folder on this computer/],
    ['a Windows path', 'C:\\Users\\a\\repo', /folder on this computer/],
    ['.. as a name', 'alice/..', /"\.\." parts/],
    ['.. inside a URL', 'https://huggingface.co/alice/../../etc/passwd', /"\.\." parts/],
    ['an encoded slash', 'https://huggingface.co/alice%2F..%2Fbob/x', /encoded|letters/],
    ['a NUL', 'alice/model\u0000x', /control/],
    ['a line break inside', 'alice/\nmodel', /control/],
    ['a space', 'alice/my model', /no spaces/],
    ['a token in the URL', 'https://alice:hf_abcdefghijklmnopqrstuvwxyz@huggingface.co/alice/m', /token/],
    ['a user in the URL', 'https://alice@huggingface.co/alice/m', /token/],
    ['another host', 'https://github.com/alice/model', /not the Hugging Face Hub/],
    ['a look-alike host', 'https://huggingface.co.evil.example/alice/model', /not the Hugging Face Hub/],
    ['another SSH host', 'git@github.com:alice/model', /SSH address/],
    ['another SSH user', 'root@hf.co:alice/model', /SSH address/],
    ['plain http to the Hub', 'http://huggingface.co/alice/model', /https/],
    ['a query', 'https://huggingface.co/alice/model?x=1', /"\?…"/],
    ['a Hub page', 'https://huggingface.co/settings/keys', /Hub page/],
    ['one part only', 'alice', /one part/],
    ['a name with "--"', 'alice/my--model', /letters, digits/],
    ['a name too long', `alice/${'m'.repeat(97)}`, /at most 96/],
    ['an unknown path after the repo', 'https://huggingface.co/alice/model/discussions/3', /goes on past/],
    ['a revision that is an option', 'https://huggingface.co/alice/model/tree/--orphan', /not a branch/],
    ['a revision with a range', 'https://huggingface.co/alice/model/tree/main..evil', /not a branch/],
    ['an ftp URL', 'ftp://huggingface.co/alice/model', /not supported/],
  ])('%s', (_label, input, reason) => {
    const result = parseRepoInput(input, hub);
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(reason) });
  });
});

describe('revisions and clone addresses', () => {
  it.each([
    ['main', true],
    ['v1.0', true],
    ['refs/pr/1', true],
    ['0123456789abcdef0123456789abcdef01234567', true],
    ['-x', false],
    ['a..b', false],
    ['a b', false],
    ['a:b', false],
    ['x.lock', false],
    ['HEAD@{1}', false],
  ])('%s is %s', (revision, valid) => {
    expect(validRevision(revision)).toBe(valid);
  });

  it('builds the https or SSH address for the transport set up', () => {
    const ref = { kind: 'dataset', namespace: 'alice', name: 'data', path: 'datasets/alice/data' } as const;
    expect(cloneUrl(ref, 'https', { ...hub, sshPort: 22 })).toBe(
      'https://huggingface.co/datasets/alice/data',
    );
    expect(cloneUrl(ref, 'ssh', { ...hub, sshPort: 22 })).toBe('git@hf.co:datasets/alice/data');
    expect(
      cloneUrl(ref, 'ssh', { endpoint: 'http://127.0.0.1:1', sshHost: '127.0.0.1', sshPort: 2222 }),
    ).toBe('ssh://git@127.0.0.1:2222/datasets/alice/data');
  });
});

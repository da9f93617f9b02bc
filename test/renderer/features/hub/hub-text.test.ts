import { describe, expect, it } from 'vitest';
import type { HubAccountView, HubNamespaceView } from '../../../../preload/contract';
import {
  kindInText,
  accountLine,
  cloneDestination,
  newRepoPageUrl,
  repoNameProblem,
  sizeText,
  tokenReportLine,
  updatedText,
  writeTokenUrl,
} from '../../../../renderer/features/hub/hub-text';
import { defaultNamespace, draftProblem } from '../../../../renderer/features/hub/repo-fields';

const ACCOUNT: HubAccountView = {
  source: 'git',
  user: 'alice',
  masked: 'hf_…AbCd',
  role: 'write',
  namespaces: [],
  sshUser: null,
  mismatch: null,
};

describe('the Hub screens’ words', () => {
  it('names a kind inside a sentence as the Hub writes it: model, dataset, Space', () => {
    expect(['model', 'dataset', 'space'].map((kind) => kindInText(kind as 'model'))).toEqual([
      'model',
      'dataset',
      'Space',
    ]);
  });

  it('says who the API acts as and where the token comes from', () => {
    expect(accountLine(ACCOUNT)).toBe(
      'Signed in to the Hub’s API as alice, with the token saved for Git (hf_…AbCd).',
    );
    expect(accountLine({ ...ACCOUNT, source: 'env', masked: null })).toBe(
      'Signed in to the Hub’s API as alice, with the HF_TOKEN variable the app was started with.',
    );
    expect(accountLine({ ...ACCOUNT, source: 'session' })).toMatch(
      /the token you gave the app for this session/,
    );
    expect(accountLine({ ...ACCOUNT, source: null, user: null, sshUser: 'alice' })).toBe(
      'Your SSH key signs in as alice, but the Hub’s API needs an access token.',
    );
    expect(accountLine({ ...ACCOUNT, source: null, user: null })).toMatch(/no access token/);
  });

  it('reads a checked token in one line', () => {
    expect(tokenReportLine({ account: 'alice', role: 'write' })).toMatch(
      /alice’s write token: it can create/,
    );
    expect(tokenReportLine({ account: 'bob', role: 'read' })).toMatch(/not create them or push/);
  });

  it('links the Hub’s own pages for a new repository and a new write token', () => {
    expect(newRepoPageUrl('https://huggingface.co', 'model')).toBe('https://huggingface.co/new');
    expect(newRepoPageUrl('https://huggingface.co', 'dataset')).toBe('https://huggingface.co/new-dataset');
    expect(newRepoPageUrl('http://127.0.0.1:9', 'space')).toBe('http://127.0.0.1:9/new-space');
    expect(writeTokenUrl('https://huggingface.co')).toBe(
      'https://huggingface.co/settings/tokens/new?tokenType=write',
    );
  });

  it('refuses names the Hub refuses (huggingface_hub validate_repo_id), before any call', () => {
    expect(repoNameProblem('my-first-model')).toBeNull();
    expect(repoNameProblem('bert_v2.1')).toBeNull();
    expect(repoNameProblem('')).toMatch(/Give the repository a name/);
    expect(repoNameProblem('my model')).toMatch(/only letters, digits/);
    expect(repoNameProblem('-model')).toMatch(/start with a letter or digit/);
    expect(repoNameProblem('a--b')).toMatch(/“--”/);
    expect(repoNameProblem('a..b')).toMatch(/“\.\.”/);
    expect(repoNameProblem('model.')).toMatch(/end with/);
    expect(repoNameProblem('a'.repeat(97))).toMatch(/at most 96/);
  });

  it('sizes and dates as people read them', () => {
    expect(sizeText(512)).toBe('512 bytes');
    expect(sizeText(3 * 1024 * 1024)).toBe('3.0 MB');
    expect(sizeText(12 * 1024 * 1024)).toBe('12 MB');
    expect(updatedText('2026-11-30T10:00:00.000Z')).toBe('updated 2026-11-30');
    expect(updatedText(null)).toBeNull();
    expect(updatedText('yesterday')).toBeNull();
  });
});

describe('where a clone from the list goes', () => {
  const cloneTo = '/home/zoë/HuggingFace/tiny-bert';
  it('is main’s cloneTo for the default folder', () => {
    expect(cloneDestination(cloneTo, '~/HuggingFace', '~/HuggingFace')).toBe(cloneTo);
    expect(cloneDestination(cloneTo, '~/HuggingFace', '  ')).toBe(cloneTo);
  });
  it('understands ~ as the home folder main used, and keeps the repository’s folder name', () => {
    expect(cloneDestination(cloneTo, '~/HuggingFace', '~/Models')).toBe('/home/zoë/Models/tiny-bert');
    expect(cloneDestination(cloneTo, '~/HuggingFace', '~/Models/')).toBe('/home/zoë/Models/tiny-bert');
    expect(cloneDestination(cloneTo, '~/HuggingFace', '/data/hub')).toBe('/data/hub/tiny-bert');
    // "~alice" is not this person's home: left as typed (main then asks for a full path).
    expect(cloneDestination(cloneTo, '~/HuggingFace', '~bob/x')).toBe('~bob/x/tiny-bert');
  });
  it('keeps Windows paths in Windows form', () => {
    const windows = 'C:\\Users\\Zoë\\HuggingFace\\tiny-bert';
    expect(cloneDestination(windows, '~\\HuggingFace', '~\\Models')).toBe(
      'C:\\Users\\Zoë\\Models\\tiny-bert',
    );
  });
});

describe('a new repository’s fields', () => {
  const namespaces: HubNamespaceView[] = [
    { name: 'alice', kind: 'user', canCreate: true, why: null },
    { name: 'acme', kind: 'org', canCreate: false, why: 'Your role in acme is read.' },
  ];
  const draft = { kind: 'model', namespace: 'alice', name: 'm', private: false, sdk: null } as const;
  it('goes to the first namespace the token may create in', () => {
    expect(defaultNamespace(namespaces)).toBe('alice');
    expect(defaultNamespace([namespaces[1]!])).toBe('acme');
    expect(defaultNamespace([])).toBe('');
  });
  it('says why it cannot be sent: the name, the namespace’s role, a Space without SDK', () => {
    expect(draftProblem(draft, namespaces)).toBeNull();
    expect(draftProblem({ ...draft, name: 'a b' }, namespaces)).toMatch(/only letters/);
    expect(draftProblem({ ...draft, namespace: 'acme' }, namespaces)).toBe('Your role in acme is read.');
    expect(draftProblem({ ...draft, namespace: 'nobody' }, namespaces)).toMatch(/Choose where/);
    expect(draftProblem({ ...draft, kind: 'space' }, namespaces)).toMatch(/SDK/);
    expect(draftProblem({ ...draft, kind: 'space', sdk: 'gradio' }, namespaces)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import type { RepoAccess } from '../../../../preload/contract';
import {
  formatSize,
  isBareName,
  remoteKindText,
  statusWord,
  transportText,
} from '../../../../renderer/features/repos/repo-text';

describe('repository wording', () => {
  it('asks for the kind only of a bare NAME/REPO', () => {
    expect(isBareName('alice/some-model')).toBe(true);
    expect(isBareName('datasets/alice/data')).toBe(false);
    expect(isBareName('spaces/alice/demo')).toBe(false);
    expect(isBareName('https://huggingface.co/alice/some-model')).toBe(false);
    expect(isBareName('git@hf.co:alice/some-model')).toBe(false);
    expect(isBareName('huggingface.co/alice/some-model')).toBe(false);
  });

  it('gives sizes in the unit a person reads', () => {
    expect(formatSize(512)).toBe('512 B');
    expect(formatSize(1536)).toBe('1.5 KB');
    expect(formatSize(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(formatSize(3 * 1024 ** 3)).toBe('3.00 GB');
  });

  it('names git’s file statuses in a word, staged or not', () => {
    expect(statusWord('??')).toBe('new');
    expect(statusWord('A ')).toBe('added');
    expect(statusWord(' M')).toBe('changed');
    expect(statusWord(' D')).toBe('deleted');
    expect(statusWord('R ')).toBe('renamed');
    expect(statusWord('UU')).toBe('UU');
  });

  it('says which transport is set up, and for whom', () => {
    const access: RepoAccess = {
      httpsUser: 'alice',
      ssh: false,
      preferred: 'https',
      lfs: { installed: true, configured: true, xet: false, howToInstall: '' },
    };
    expect(transportText(access, 'https')).toBe('HTTPS, with the token saved for alice');
    expect(transportText(access, 'ssh')).toBe('SSH (not set up yet)');
    expect(transportText({ ...access, ssh: true, httpsUser: null }, 'ssh')).toBe('SSH, with your key');
    expect(transportText(null, 'https')).toBe('HTTPS (no token saved yet)');
  });

  it('names how a remote reaches the Hub', () => {
    expect(remoteKindText('hub-ssh')).toBe('SSH');
    expect(remoteKindText('hub-https')).toBe('HTTPS');
    expect(remoteKindText('other')).toBe('remote');
  });
});

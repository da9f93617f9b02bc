import { describe, expect, it } from 'vitest';
import { hasFrontMatter, mergeReadme, unionAttributes } from '../../../../main/features/publish/merge-files';
import { suggestName } from '../../../../main/features/publish/folder';

// The two files a new Hub repository starts with, joined with the folder's own.

const HUB = '*.bin filter=lfs diff=lfs merge=lfs -text\n*.pt filter=lfs diff=lfs merge=lfs -text\n';

describe('unionAttributes', () => {
  it('is the Hub’s lines, then the folder’s lines the Hub’s lack, in order', () => {
    expect(unionAttributes(HUB, '*.pt  filter=lfs diff=lfs   merge=lfs -text\n# mine\n*.x -text\n')).toBe(
      `${HUB}# mine\n*.x -text\n`,
    );
  });
  it('keeps CRLF files CRLF, and a file without a last newline whole', () => {
    expect(unionAttributes(HUB, '*.x -text\r\n*.y -text')).toBe(
      '*.bin filter=lfs diff=lfs merge=lfs -text\r\n*.pt filter=lfs diff=lfs merge=lfs -text\r\n*.x -text\r\n*.y -text\r\n',
    );
  });
  it('is the Hub’s alone when the folder’s adds nothing', () => {
    expect(unionAttributes(HUB, HUB)).toBe(HUB);
  });
});

describe('README front matter', () => {
  const hubReadme =
    '---\ntitle: Demo\nsdk: gradio\napp_file: app.py\n---\n\nCheck out the configuration reference\n';
  it('goes on top of a README without any', () => {
    expect(mergeReadme(hubReadme, '# Mine\n')).toBe(
      '---\ntitle: Demo\nsdk: gradio\napp_file: app.py\n---\n# Mine\n',
    );
  });
  it('leaves a README with its own alone', () => {
    expect(mergeReadme(hubReadme, '---\nsdk: docker\n---\n# Mine\n')).toBeUndefined();
    expect(hasFrontMatter('---\nsdk: docker\n---\n')).toBe(true);
    expect(hasFrontMatter('# ---\n')).toBe(false);
  });
});

describe('suggestName', () => {
  it('makes a folder’s name a Hub name', () => {
    expect(suggestName('/x/My Model (v2)!')).toBe('My-Model-v2');
    expect(suggestName('/x/café..bert--base')).toBe('cafe.bert-base');
    expect(suggestName('/x/...')).toBe('my-repository');
    expect(suggestName(`/x/${'a'.repeat(120)}`)).toHaveLength(96);
  });
});

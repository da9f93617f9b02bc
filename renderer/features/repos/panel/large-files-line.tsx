import type { RepoState } from '../../../../preload/contract';
import { ExternalLink } from '../../../components/external-link';

/** Why: the Hub's page on Git Xet, as the machine check's fix and the Help menu name it. */
export const XET_DOCS = 'https://huggingface.co/docs/hub/xet/using-xet-storage#git-xet';

/** Why: the words for how this repository's large files travel (issue 15, item 3). */
export function largeFilesWords(xet: RepoState['largeFiles']['xet']): string {
  switch (xet) {
    case 'in_use':
      return 'Large files go to the Hub through Git Xet.';
    case 'installed':
      return 'Git Xet is installed: your next push sets this repository up to send large files through it.';
    case 'missing':
      return 'Large files go through Git LFS, which works for every repository. Git Xet, the Hub’s newer way, would upload only the parts of a file that changed, so new versions of big files go up faster.';
  }
}

/**
 * One line under the Hub's rules, only in a repository with LFS files: Git Xet in use, about to
 * be, or what it would bring and where to get it. Nothing is installed from here: the link opens
 * the Hub's instructions.
 */
export function LargeFilesLine({ state }: { readonly state: RepoState }) {
  if (state.largeFiles.lfsFiles === 0) return null;
  const { xet } = state.largeFiles;
  return (
    <p className="muted large-files-line">
      {largeFilesWords(xet)}
      {xet === 'missing' ? (
        <>
          {' '}
          <ExternalLink href={XET_DOCS}>How to get Git Xet</ExternalLink>
        </>
      ) : null}
    </p>
  );
}

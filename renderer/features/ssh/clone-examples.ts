/** One "git clone" line for the Done screen, and what kind of repository it fetches. */
export interface CloneExample {
  readonly what: string;
  readonly command: string;
}

/**
 * The clone commands for a model, a dataset and a Space, with the person's Hub name when the test
 * told it (NAME otherwise). Repository paths follow the Hub: NAME/REPO, datasets/..., spaces/...
 */
export function cloneExamples(host: string, user: string | null): readonly CloneExample[] {
  const name = user ?? 'NAME';
  return [
    { what: 'A model', command: `git clone git@${host}:${name}/REPO` },
    { what: 'A dataset', command: `git clone git@${host}:datasets/${name}/REPO` },
    { what: 'A Space', command: `git clone git@${host}:spaces/${name}/REPO` },
  ];
}

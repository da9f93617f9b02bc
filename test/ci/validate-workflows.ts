import { readFileSync } from 'node:fs';
import { workflowErrors } from './workflows';

// `npm run lint:workflows` (and test/ci/workflows.test.ts): validates each workflow file named on
// the command line with GitHub's parser; prints each error and exits 1 if there is any. Run with
// tsx: the parser imports its JSON schema without an import attribute, which Node refuses.

async function main(files: readonly string[]): Promise<number> {
  if (files.length === 0) {
    console.error('Name the workflow files to check.');
    return 1;
  }
  let failed = false;
  for (const file of files) {
    const errors = await workflowErrors(file, readFileSync(file, 'utf8'));
    for (const error of errors) console.error(error);
    if (errors.length > 0) failed = true;
    else console.log(`${file}: valid`);
  }
  return failed ? 1 : 0;
}

void main(process.argv.slice(2)).then((code) => process.exit(code));

import type { Failure, FailureContext, FailureKind } from '../../../../main/git/failures';

// Transcripts as git, git-lfs, ssh, the Hub and its Python library print them, each with its
// source: a public issue (quoted as posted, names and paths kept), a HUB-FACTS line, or "produced
// here" (by real git 2.39 / git-lfs 3.3 / OpenSSH 9.2 in test/main/git/failures-real.test.ts,
// copied from its output). Where git relays a pre-receive hook (the sideband), it pads every
// non-empty `remote:` line with 8 spaces when stderr is not a terminal (git sideband.c; seen in
// huu4ontocord/MDEL#34 and produced here); git's own HTTP error bodies are not padded.

/** Why: one transcript and what the table must answer for it. */
export interface Transcript {
  readonly kind: FailureKind;
  readonly label: string;
  /** Where this text comes from. */
  readonly source: string;
  readonly output: string;
  /** Over the default context (a paste: operation explain, endpoint huggingface.co). */
  readonly context?: Partial<FailureContext>;
  /** Fields of the answer worth pinning besides the kind. */
  readonly expected?: Partial<Failure>;
}

const PAD = ' '.repeat(8);

/** Lines of a pre-receive hook as git relays them to a non-terminal stderr. */
const sideband = (...lines: readonly string[]): string =>
  lines.map((line) => (line === '' ? 'remote: ' : `remote: ${line}${PAD}`)).join('\n');

const RULE = '-------------------------------------------------------------------------';
const READ_TOKEN_PUSH = [
  'Enumerating objects: 4, done.',
  'Counting objects: 100% (4/4), done.',
  'Writing objects: 100% (3/3), 279 bytes | 11.00 KiB/s, done.',
  'Total 3 (delta 0), reused 0 (delta 0)',
  sideband(
    '----------------------------------------------------------',
    'Your push was rejected for the following reasons:',
    'DENIED update refs/heads/main: forbidden',
    '----------------------------------------------------------',
  ),
  'To https://huggingface.co/Jeongyeon/dd',
  ' ! [remote rejected] main -> main (pre-receive hook declined)',
  "error: failed to push some refs to 'https://huggingface.co/Jeongyeon/dd'",
].join('\n');
const CREATE_PR =
  '403 Forbidden: pass create_pr=1 as a query parameter to create a Pull Request. Make sure your token has the correct permissions.';
const SSH_FOOTER =
  'fatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.';
const OFFERED = ['/home/alice/.ssh/id_ed25519 (SHA256:TqsFpqkIyKXcla1/mYbK/XaeH17WqNTgYqOfH0noopA)'];

const whoami = (
  over: Partial<NonNullable<FailureContext['whoami']>> = {},
): NonNullable<FailureContext['whoami']> => ({
  account: 'alice',
  role: 'write',
  orgs: [],
  scoped: [],
  ...over,
});

const push = { operation: 'push', transport: 'https' } as const;
const clone = { operation: 'clone', transport: 'https' } as const;
const overSsh = { transport: 'ssh', sshHost: 'hf.co', sshPort: 22 } as const;

/** Why: the table test walks these; every kind appears at least twice. */
export const TRANSCRIPTS: readonly Transcript[] = [
  // password_refused
  {
    kind: 'password_refused',
    label: 'a password typed at the prompt, on clone',
    source: 'mlcommons/cm4mlops#184; HUB-FACTS "Password over HTTPS"',
    output:
      "Cloning into 'repo'...\nUsername for 'https://huggingface.co': rajeshshashikumar\nPassword for 'https://rajesh-arm@huggingface.co':\nremote: Password authentication in git is no longer supported. You must use a user access token or an SSH key instead. See https://huggingface.co/blog/password-git-deprecation\nfatal: Authentication failed for 'https://huggingface.co/meta-llama/Llama-2-70b-chat-hf/'",
    context: clone,
    expected: { action: 'forget_and_reenter' },
  },
  {
    kind: 'password_refused',
    label: 'a password saved in the helper, on push (real git against the fake hub)',
    source: 'produced here (failures-real.test.ts; the Hub’s words per HUB-FACTS)',
    output:
      "remote: Password authentication in git is no longer supported. You must use a user access token or an SSH key instead.\nfatal: Authentication failed for 'http://127.0.0.1:36081/alice/private-one/'",
    context: push,
  },
  {
    kind: 'password_refused',
    label: 'git-lfs over an HTTPS remote sent the stored password',
    source: 'HUB-FACTS (the Hub’s words, here reached with a stored password over HTTPS)',
    output:
      "batch response: Authentication required: Password authentication in git is no longer supported. You must use a user access token or an SSH key instead. See https://huggingface.co/blog/password-git-deprecation\nerror: failed to push some refs to 'https://huggingface.co/alice/model'",
    context: push,
  },

  // token_invalid
  {
    kind: 'token_invalid',
    label: 'a revoked token in the helper (real git against the fake hub)',
    source: 'produced here; HUB-FACTS "Bad or stale credential"',
    output:
      "remote: Invalid username or password.\nfatal: Authentication failed for 'http://127.0.0.1:36081/alice/private-one/'",
    context: { ...push, storedUser: 'alice' },
    expected: { action: 'forget_and_reenter' },
  },
  {
    kind: 'token_invalid',
    label: 'the Python library with a bad token',
    source: 'deepbeepmeep/Wan2GP#455',
    output:
      'HfHubHTTPError: 401 Client Error: Unauthorized for url: https://huggingface.co/DeepBeepMeep/Wan2.1/resolve/main/pose/dw-ll_ucoco_384.onnx (Request ID: Root=1-68633b9c-28815ed66c58f6cd6dfce7ac;f7c730bc-d4aa-48fe-b5f0-a9b23ad1ace6)\n\nInvalid credentials in Authorization header',
  },
  {
    kind: 'token_invalid',
    label: "the Python library's whoami",
    source: 'huggingface/huggingface_hub#2809 (hf_api.py whoami)',
    output:
      "Invalid user token. If you didn't pass a user token, make sure you are properly logged in by executing `huggingface-cli login`, and if you did pass a user token, double-check it's correct.",
  },

  // no_credential
  {
    kind: 'no_credential',
    label: 'nothing saved, prompts disabled',
    source: 'produced here; HUB-FACTS "No terminal for a prompt"',
    output: "fatal: could not read Username for 'https://huggingface.co': terminal prompts disabled",
    context: clone,
    expected: { action: 'forget_and_reenter' },
  },
  {
    kind: 'no_credential',
    label: 'no terminal at all',
    source: 'huggingface/evaluate#56',
    output:
      "OSError: fatal: could not read Username for 'https://huggingface.co/': No such device or address",
  },
  {
    kind: 'no_credential',
    label: 'the Python CLI found no credential helper',
    source: 'HUB-FACTS (huggingface_hub login)',
    output: 'Cannot authenticate through git-credential as no helper is defined on your machine.',
  },
  {
    kind: 'no_credential',
    label: 'a bare 401 from the Python library',
    source: 'huggingface/huggingface_hub#2586',
    output:
      'requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://huggingface.co/meta-llama/Llama-2-7b-chat-hf/resolve/main/config.json',
  },

  // wrong_username
  {
    kind: 'wrong_username',
    label: 'the URL names bob, the token is saved for alice',
    source: 'git credential.c "could not read Password for" (as produced here for Username)',
    output: "fatal: could not read Password for 'https://bob@huggingface.co': terminal prompts disabled",
    context: { ...push, urlUsername: 'bob', storedUser: 'alice' },
    expected: { action: 'fix_username' },
  },
  {
    kind: 'wrong_username',
    label: "bob's old credential refused while alice's token is the app's",
    source: 'HUB-FACTS "Bad or stale credential" with a username in the URL',
    output:
      "remote: Invalid username or password.\nfatal: Authentication failed for 'https://bob@huggingface.co/alice/model/'",
    context: { ...push, urlUsername: 'bob', storedUser: 'alice', repo: 'alice/model' },
  },

  // read_token
  {
    kind: 'read_token',
    label: 'a read token pushing, whoami says read',
    source: 'huggingface/huggingface_hub#937',
    output: READ_TOKEN_PUSH,
    context: { ...push, repo: 'Jeongyeon/dd', whoami: whoami({ account: 'Jeongyeon', role: 'read' }) },
    expected: {
      action: 'new_write_token',
      link: 'https://huggingface.co/settings/tokens/new?tokenType=write',
    },
  },
  {
    kind: 'read_token',
    label: 'a read token over LFS',
    source: 'huggingface/datasets#5601; HUB-FACTS "Over LFS: batch response: Authorization error."',
    output:
      "Uploading LFS objects:   0% (0/1), 0 B | 0 B/s, done.\nbatch response: Authorization error.\nerror: failed to push some refs to 'https://huggingface.co/datasets/zeusfsx/ukrainian-news'",
    context: {
      ...push,
      repo: 'datasets/zeusfsx/ukrainian-news',
      whoami: whoami({ account: 'zeusfsx', role: 'read' }),
    },
  },
  {
    kind: 'read_token',
    label: 'the same refusal without whoami, in the stored account’s own namespace',
    source: 'huggingface/huggingface_hub#937',
    output: READ_TOKEN_PUSH,
    context: { ...push, repo: 'Jeongyeon/dd', storedUser: 'Jeongyeon' },
  },
  {
    kind: 'read_token',
    label: 'a dry run that signed in, whoami says read (real git against the fake hub)',
    source: 'produced here (git push --dry-run)',
    output: 'To http://127.0.0.1:36081/bob/notes\n * [new branch]      HEAD -> main',
    context: {
      operation: 'push_dry_run',
      repo: 'bob/notes',
      whoami: whoami({ account: 'bob', role: 'read' }),
      flags: { exitCode: 0 },
    },
  },

  // fine_grained_no_write
  {
    kind: 'fine_grained_no_write',
    label: 'the Hub’s refusal, whoami: fine-grained, read only on the org',
    source: 'huggingface/huggingface_hub#937 (the refusal); whoami scoped per HUB-FACTS',
    output: READ_TOKEN_PUSH,
    context: {
      ...push,
      repo: 'alice-lab/shared-model',
      whoami: whoami({
        account: 'carol',
        role: 'fineGrained',
        orgs: [{ name: 'alice-lab', role: 'write' }],
        scoped: [{ namespace: 'alice-lab', permissions: ['repo.content.read'] }],
      }),
    },
    expected: { action: 'new_write_token' },
  },
  {
    kind: 'fine_grained_no_write',
    label: 'the commit API’s create_pr answer, whoami: fine-grained for another namespace',
    source: 'HUB-FACTS "Commit-API refusals"',
    output: CREATE_PR,
    context: {
      repo: 'datasets/alice-lab/corpus',
      whoami: whoami({
        account: 'carol',
        role: 'fineGrained',
        orgs: [{ name: 'alice-lab', role: 'write' }],
        scoped: [{ namespace: 'carol', permissions: ['repo.content.read', 'repo.write'] }],
      }),
    },
  },

  // org_role_too_low
  {
    kind: 'org_role_too_low',
    label: 'a write token of a "read" member',
    source: 'huggingface/huggingface_hub#937 (the refusal); hub-docs organizations-security.md (roles)',
    output: READ_TOKEN_PUSH,
    context: {
      ...push,
      repo: 'lab/model',
      whoami: whoami({ account: 'dave', orgs: [{ name: 'lab', role: 'read' }] }),
    },
    expected: { action: 'open_pull_request' },
  },
  {
    kind: 'org_role_too_low',
    label: 'the commit API’s create_pr answer for a contributor',
    source: 'HUB-FACTS "Commit-API refusals"',
    output: CREATE_PR,
    context: {
      repo: 'spaces/lab/demo',
      whoami: whoami({ account: 'dave', orgs: [{ name: 'lab', role: 'contributor' }] }),
    },
  },

  // no_write_access
  {
    kind: 'no_write_access',
    label: 'over SSH to a namespace the key’s account cannot write',
    source: 'HUB-FACTS/brief "ERROR: ... may not push to bob/other" (exact prefix unverified)',
    output: `ERROR: alice may not push to bob/other\n${SSH_FOOTER}`,
    context: { operation: 'push', ...overSsh, repo: 'bob/other', sshUser: 'alice' },
    expected: { action: 'open_pull_request' },
  },
  {
    kind: 'no_write_access',
    label: 'someone else’s namespace, whoami: write token, not a member',
    source: 'huggingface/huggingface_hub#937 (the refusal)',
    output: READ_TOKEN_PUSH,
    context: { ...push, repo: 'bob/other', whoami: whoami() },
  },
  {
    kind: 'no_write_access',
    label: 'the same refusal with nothing known: both causes named',
    source: 'huggingface/huggingface_hub#937',
    output: READ_TOKEN_PUSH,
    context: { ...push, repo: 'bob/other', storedUser: 'alice' },
  },

  // gated
  {
    kind: 'gated',
    label: 'over SSH',
    source: 'HUB-FACTS; nvidia-cosmos/cosmos-reason1#4',
    output: `ERROR: Access denied: repository is gated and you are not in the authorized list.\n${SSH_FOOTER}`,
    context: { operation: 'clone', ...overSsh, repo: 'nvidia/Cosmos-Reason1-7B' },
    expected: { action: 'request_access', link: 'https://huggingface.co/nvidia/Cosmos-Reason1-7B' },
  },
  {
    kind: 'gated',
    label: 'over HTTPS',
    source: 'HUB-FACTS "Gated repositories: over HTTPS"',
    output:
      "Cloning into 'Llama-2-7b'...\nremote: Access to model meta-llama/Llama-2-7b is restricted and you are not in the authorized list. Visit https://huggingface.co/meta-llama/Llama-2-7b to ask for access.\nfatal: unable to access 'https://huggingface.co/meta-llama/Llama-2-7b/': The requested URL returned error: 403",
    context: clone,
  },
  {
    kind: 'gated',
    label: "the Python library's GatedRepoError",
    source: 'ToTheBeginning/PuLID#97',
    output:
      'huggingface_hub.errors.GatedRepoError: 401 Client Error. (Request ID: Root=1-66f4b037-1bf3d7d219afbc904ee05694;5601d2c9-8fd8-4ed8-b38d-d8a432e1fa59)\n\nCannot access gated repo for url https://huggingface.co/black-forest-labs/FLUX.1-dev/resolve/main/ae.safetensors.\nAccess to model black-forest-labs/FLUX.1-dev is restricted. You must have access to it and be authenticated to access it. Please log in.',
  },

  // not_found_or_private
  {
    kind: 'not_found_or_private',
    label: 'a misspelled name (real git against the fake hub)',
    source: 'produced here; HUB-FACTS "Repository not found"',
    output:
      "Cloning into 'w'...\nremote: Repository not found\nfatal: repository 'http://127.0.0.1:36081/alice/Private-One/' not found",
    context: { ...clone, repo: 'alice/Private-One' },
  },
  {
    kind: 'not_found_or_private',
    label: "the Python library's RepositoryNotFoundError (a 401)",
    source: 'Jiaxuan-Li/EVCap#10',
    output:
      'huggingface_hub.utils._errors.RepositoryNotFoundError: 401 Client Error. (Request ID: Root=1-67ff8411-0b02c71d2dabd17f4c82e40d;760e6e3c-72d4-4e1b-a52c-57badd559390)\n\nRepository Not Found for url: https://huggingface.co/vicuna-13b-v1.3/resolve/main/tokenizer.model.',
  },

  // lfs_auth
  {
    kind: 'lfs_auth',
    label: 'git lfs pull in a repository cloned over SSH',
    source: 'huggingface/huggingface_hub#1706',
    output:
      "batch response: Authentication required: Password authentication in git is no longer supported. You must use a user access token or an SSH key instead. See https://huggingface.co/blog/password-git-deprecation\nFailed to fetch some objects from 'https://hf.co/mistralai/Mistral-7B-v0.1.git/info/lfs'",
    context: { operation: 'lfs_pull', ...overSsh },
    expected: { action: 'test_ssh_connection' },
  },
  {
    kind: 'lfs_auth',
    label: 'the smudge filter during a clone over SSH',
    source: 'huggingface/huggingface_hub#2946',
    output:
      'Error downloading object: data/2014/laptop/aste/test.gz.parquet (0a316fc): Smudge error: Error downloading data/2014/laptop/aste/test.gz.parquet (0a316fcb94077bc2b16b3ac40d04ae40b531be8e58dd2ef72ccc4bb234ec6270): batch response: Authentication required: Password authentication in git is no longer supported. You must use a user access token or an SSH key instead. See https://huggingface.co/blog/password-git-deprecation',
    context: { operation: 'clone', ...overSsh },
  },
  {
    kind: 'lfs_auth',
    label: 'the same line pasted with nothing else',
    source: 'huggingface/huggingface_hub#1706',
    output:
      'batch response: Authentication required: Password authentication in git is no longer supported. You must use a user access token or an SSH key instead. See https://huggingface.co/blog/password-git-deprecation',
  },

  // lfs_over_5gb
  {
    kind: 'lfs_over_5gb',
    label: "the batch API's answer on push",
    source: 'HUB-FACTS "Without it the batch answer is"',
    output:
      'batch response: You need to configure your repository to enable upload of files > 5GB. Run "huggingface-cli lfs-enable-largefiles ./path/to/your/repo" and try again.\nerror: failed to push some refs to \'https://huggingface.co/datasets/alice/big\'',
    context: push,
    expected: { action: 'enable_large_files' },
  },
  {
    kind: 'lfs_over_5gb',
    label: 'the same, broken over lines',
    source: "a public write-up of pushing mlx-community/Mistral-7B-v0.1-LoRA-Text2SQL (wangjunjian's notes)",
    output:
      'warning: current Git remote contains credentials\nbatch response: \nYou need to configure your repository to enable upload of files > 5GB.\nRun "huggingface-cli lfs-enable-largefiles ./path/to/your/repo" and try again.',
  },

  // lfs_missing_objects
  {
    kind: 'lfs_missing_objects',
    label: "git-lfs 3.x's upload check (real git-lfs 3.3 against the fake hub)",
    source: 'produced here; git-lfs commands/uploader.go',
    output:
      "Git LFS upload failed:\n  (missing) w.bin (aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa)\nhint: Your push was rejected due to missing or corrupt local objects.\nhint: You can disable this check with: `git config lfs.allowincompletepush true`\nerror: failed to push some refs to 'http://127.0.0.1:36081/alice/lfs-missing'",
    context: push,
    expected: { action: 'lfs_pull', files: ['w.bin'] },
  },
  {
    kind: 'lfs_missing_objects',
    label: 'the same with progress on the line',
    source: 'allenai/reward-bench README, "Git LFS notes"',
    output:
      'Git LFS upload failed:  14% (1/7), 4.2 MB | 0 B/s\n  (missing) data/train-00000-of-00001.parquet (425c88744455a9b0e7248cdd81fe4716085aae22849798f653f59fc878117a4d)\nhint: Your push was rejected due to missing or corrupt local objects.',
    expected: { files: ['data/train-00000-of-00001.parquet'] },
  },
  {
    kind: 'lfs_missing_objects',
    label: 'git-lfs before 3.7 during a fork',
    source: 'HUB-FACTS; main/features/repos/fork.ts; git-lfs tq/transfer_queue.go',
    output:
      'Unable to find source for object a0ee616e6195bcb5f4136fb36b6b803566cec234f4468bda64e42a34a5f76697 (try running git lfs fetch --all)\nUploading LFS objects:   0% (0/20), 0 B | 0 B/s, done.',
    context: { operation: 'fork', transport: 'https' },
  },
  {
    kind: 'lfs_missing_objects',
    label: "the Hub's refusal of a pointer it has no object for",
    source: 'HUB-FACTS; huggingface/diffusers#6285',
    output: `${sideband('Your push was rejected because an LFS pointer pointed to a file that does not exist.')}\n ! [remote rejected] main -> main (pre-receive hook declined)`,
    context: push,
  },

  // lfs_not_installed
  {
    kind: 'lfs_not_installed',
    label: '`git lfs pull` without git-lfs',
    source: 'produced here (git 2.39, PATH without git-lfs)',
    output: "git: 'lfs' is not a git command. See 'git --help'.\n\nThe most similar command is\n\tlog",
    context: { operation: 'lfs_pull' },
    expected: { action: 'install_lfs' },
  },
  {
    kind: 'lfs_not_installed',
    label: "git-lfs's pre-push hook",
    source: 'produced here (the hook git lfs install writes)',
    output:
      "\nThis repository is configured for Git LFS but 'git-lfs' was not found on your path. If you no longer wish to use Git LFS, remove this hook by deleting '.git/hooks/pre-push'.\n\nerror: failed to push some refs to '../l.git'",
    context: push,
  },
  {
    kind: 'lfs_not_installed',
    label: 'a clone whose LFS filter cannot run (then git hangs up)',
    source: 'online-go/online-go.com#2034',
    output:
      "git-lfs filter-process: git-lfs: command not found\nfatal: the remote end hung up unexpectedly\nwarning: Clone succeeded, but checkout failed.\nYou can inspect what was checked out with 'git status'\nand retry with 'git restore --source=HEAD :/'",
    context: clone,
  },

  // lfs_pointer_files
  {
    kind: 'lfs_pointer_files',
    label: "the Python library's check",
    source: 'huggingface/transformers#15325; HUB-FACTS',
    output:
      'OSError: You seem to have cloned a repository without having git-lfs installed. Please install git-lfs and run `git lfs install` followed by `git lfs pull` in the folder you cloned.',
    expected: { action: 'lfs_pull' },
  },
  {
    kind: 'lfs_pointer_files',
    label: 'torch loading a pointer file',
    source: 'vllm-project/vllm#1382; git-lfs/git-lfs#4366',
    output: "_pickle.UnpicklingError: invalid load key, 'v'.",
  },
  {
    kind: 'lfs_pointer_files',
    label: 'a pointer file’s content pasted',
    source: 'git-lfs/git-lfs#3856',
    output:
      'version https://git-lfs.github.com/spec/v1\noid sha256:6ec0e9792f6d0b78721e7b241c7fff1ce985e3492855dfeeab2b42d31a45a02a\nsize 289',
  },

  // too_large
  {
    kind: 'too_large',
    label: 'a README over 10 MiB pushed to a pull request',
    source: 'embeddings-benchmark/mteb#1368',
    output: [
      'Writing objects: 100% (3/3), 2.72 MiB | 6.58 MiB/s, done.',
      sideband(
        RULE,
        'Your push was rejected because it contains files larger than 10 MiB.',
        'Please use https://git-lfs.github.com/ to store large files.',
        'See also: https://hf.co/docs/hub/repositories-getting-started#terminal',
        '',
        'Offending files:',
        '  - README.md (ref: refs/pr/62)',
        RULE,
      ),
      'To https://huggingface.co/jinaai/jina-embeddings-v3',
      ' ! [remote rejected] pr/62 -> refs/pr/62 (pre-receive hook declined)',
      "error: failed to push some refs to 'https://huggingface.co/jinaai/jina-embeddings-v3'",
    ].join('\n'),
    context: push,
    expected: { action: 'track_with_lfs', files: ['README.md'] },
  },
  {
    kind: 'too_large',
    label: 'the older "10M" wording',
    source: 'huggingface/transformers#12589',
    output: [
      sideband(
        RULE,
        'Your push was rejected because it contains files larger than 10M.',
        'Please use https://git-lfs.github.com/ to store larger files.',
        RULE,
        'Offending files:',
        ' - events.out.tfevents.1625668537.t1v-n-98937c84-w-0.121638.3.v2 (ref: refs/heads/main)',
      ),
      'To https://huggingface.co/birgermoell/roberta-swedish-scandi',
      ' ! [remote rejected] main -> main (pre-receive hook declined)',
    ].join('\n'),
    context: push,
    expected: { files: ['events.out.tfevents.1625668537.t1v-n-98937c84-w-0.121638.3.v2'] },
  },
  {
    kind: 'too_large',
    label: "GitHub's GH001, on a remote that is not the Hub",
    source: 'eStation2/eStation2#61',
    output:
      "remote: error: File apps/gui/esapp/build/development/esapp/resources/geojson/AFR_G2014_2013_1.geojson is 124.44 MB; this exceeds GitHub's file size limit of 100 MB\nremote: error: GH001: Large files detected.\nTo https://github.com/eStation2/eStation2.git\n ! [remote rejected] master -> master (pre-receive hook declined)",
    context: { ...push, remoteHost: 'other' },
  },

  // binary_files
  {
    kind: 'binary_files',
    label: 'an mp4 (2026)',
    source: 'HUB-FACTS "Binary files are refused above a small size"',
    output: `${sideband('Your push was rejected because it contains binary files.', 'Please use https://huggingface.co/docs/hub/xet to store binary files.')}\nTo https://huggingface.co/datasets/alice/clips\n ! [remote rejected] main -> main (pre-receive hook declined)`,
    context: push,
    expected: { action: 'track_with_lfs' },
  },
  {
    kind: 'binary_files',
    label: "gradio's flagging callback pushing jpgs",
    source: 'gradio-app/gradio#842',
    output:
      "subprocess.CalledProcessError: Command '['git', 'push', '--set-upstream', 'origin', 'main']' returned non-zero exit status 1.\nOSError: remote: Your push was rejected because it contains binary files.",
  },

  // quota
  {
    kind: 'quota',
    label: 'private storage full',
    source: 'huggingface/huggingface_hub#3048',
    output: '403 Forbidden: Private repository storage limit reached, please upgrade your plan...',
  },
  {
    kind: 'quota',
    label: 'storage use paused',
    source: 'huggingface/huggingface_hub#3366',
    output:
      '403 Forbidden: Your storage patterns tripped our internal systems!\nPlease contact us at website@huggingface.co so we can verify your account and unlock more storage for your use-case.',
  },
  {
    kind: 'quota',
    label: "another host's LFS quota during a clone",
    source: 'git-lfs/git-lfs#4321',
    output:
      'Error downloading object: AndroidDataSource.lib (8593ae7): Smudge error: Error downloading AndroidDataSource.lib (8593ae7fcea1dbe9a368d65e9a1bfe70fb80c66aaf198610316e0bc84a5f39b6): batch response: This repository is over its data quota. Account responsible for LFS bandwidth should purchase more data packs to restore access.',
    context: { ...clone, remoteHost: 'other' },
  },

  // rate_limited
  {
    kind: 'rate_limited',
    label: "git-lfs meets the Hub's 5-minute limit",
    source: 'OpenHUTB/hutb#3329; HUB-FACTS "Rate limits"',
    output:
      'batch response: We had to rate limit you, you hit the quota of 1000 api requests per 5 minutes period. Upgrade to a PRO user or Team/Enterprise organization account (https://hf.co/pricing) to get higher limits. See https://huggingface.co/docs/hub/rate-limits',
    context: push,
  },
  {
    kind: 'rate_limited',
    label: 'the Python library gets 429',
    source: 'huggingface/huggingface_hub#3186',
    output:
      '429 Client Error: Too Many Requests for url: https://huggingface.co/api/datasets/x/y/commit/main',
  },
  {
    kind: 'rate_limited',
    label: '"Too many password attempts" on a push of many LFS files',
    source: 'huggingface/huggingface_hub#1584 (cause unconfirmed, HUB-FACTS)',
    output: 'batch response: Too many password attempts\nbatch response: Too many password attempts',
    context: push,
  },

  // non_fast_forward
  {
    kind: 'non_fast_forward',
    label: 'before a fetch: "(fetch first)"',
    source: 'produced here (git 2.39)',
    output:
      "To /tmp/pair/remote.git\n ! [rejected]        main -> main (fetch first)\nerror: failed to push some refs to '/tmp/pair/remote.git'\nhint: Updates were rejected because the remote contains work that you do\nhint: not have locally. This is usually caused by another repository pushing\nhint: to the same ref. You may want to first integrate the remote changes\nhint: (e.g., 'git pull ...') before pushing again.",
    context: push,
    expected: { action: 'pull_first' },
  },
  {
    kind: 'non_fast_forward',
    label: 'after a fetch: "(non-fast-forward)"',
    source: 'produced here (git 2.39)',
    output:
      "To /tmp/pair/remote.git\n ! [rejected]        main -> main (non-fast-forward)\nerror: failed to push some refs to '/tmp/pair/remote.git'\nhint: Updates were rejected because the tip of your current branch is behind\nhint: its remote counterpart. Integrate the remote changes (e.g.\nhint: 'git pull ...') before pushing again.",
    context: push,
  },

  // push_too_big
  {
    kind: 'push_too_big',
    label: 'push_to_hub timing out',
    source: 'huggingface/transformers#17813; huggingface/huggingface_hub#1472',
    output: 'OSError: error: RPC failed; HTTP 408 curl 22 The requested URL returned error: 408',
  },
  {
    kind: 'push_too_big',
    label: 'the full trio on a push',
    source: 'aquasecurity/btfhub#83',
    output:
      'error: RPC failed; HTTP 408 curl 22 The requested URL returned error: 408\nsend-pack: unexpected disconnect while reading sideband packet\nfatal: the remote end hung up unexpectedly',
    context: push,
  },

  // network
  {
    kind: 'network',
    label: 'no DNS answer over HTTPS',
    source: 'produced here (git 2.39 clone https://nonexistent.invalid/x)',
    output:
      "Cloning into 'copy'...\nfatal: unable to access 'https://nonexistent.invalid/x/': Could not resolve host: nonexistent.invalid",
    context: clone,
  },
  {
    kind: 'network',
    label: 'nothing listening',
    source: 'produced here (git 2.39 ls-remote to a closed port)',
    output:
      "fatal: unable to access 'https://127.0.0.1:35779/alice/model/': Failed to connect to 127.0.0.1 port 35779 after 0 ms: Couldn't connect to server",
    context: { operation: 'fetch', transport: 'https' },
  },
  {
    kind: 'network',
    label: 'an intercepting proxy’s certificate',
    source: 'produced here (git 2.39 behind this sandbox’s TLS proxy)',
    output:
      "fatal: unable to access 'https://10.255.255.1/x/': SSL: certificate subject name (sandboxing-tproxy-egress) does not match target host name '10.255.255.1'",
    context: { operation: 'fetch', transport: 'https' },
  },

  // not_hub_remote
  {
    kind: 'not_hub_remote',
    label: "GitHub's SSH refusal",
    source: 'tensorflow/tfhub.dev#143',
    output: `ERROR: Permission to tensorflow/tfhub.dev.git denied to DameNianch.\n${SSH_FOOTER}`,
    context: { operation: 'push', transport: 'ssh', remoteHost: 'other' },
  },
  {
    kind: 'not_hub_remote',
    label: 'a key GitHub does not know',
    source: 'BIGmama-technology/Hiring-AI-engineer#8',
    output: `error: git@github.com: Permission denied (publickey).\n${SSH_FOOTER}`,
    context: { operation: 'push', transport: 'ssh', remoteHost: 'other' },
  },
  {
    kind: 'not_hub_remote',
    label: "GitLab's HTTP refusal",
    source: 'nfdi4plants ARC troubleshooting guide (git.nfdi4plants.org)',
    output:
      "remote: HTTP Basic: Access denied\nfatal: Authentication failed for 'https://git.nfdi4plants.org/UserName/ARCname'",
    context: { ...push, remoteHost: 'other' },
  },

  // merge_conflict
  {
    kind: 'merge_conflict',
    label: 'a pull that merges',
    source: 'produced here (git 2.39 pull --no-rebase)',
    output:
      'Auto-merging f.txt\nCONFLICT (content): Merge conflict in f.txt\nAutomatic merge failed; fix conflicts and then commit the result.\nFrom /tmp/pair/remote\n   839cf31..f6e4df1  main       -> origin/main',
    context: { operation: 'pull' },
    expected: { action: 'resolve_conflicts', files: ['f.txt'] },
  },
  {
    kind: 'merge_conflict',
    label: 'a pull that rebases',
    source: 'produced here (git 2.39 pull --rebase)',
    output:
      'Auto-merging f.txt\nCONFLICT (content): Merge conflict in f.txt\nRebasing (1/1)\rerror: could not apply 6efa5da... ours\nhint: Resolve all conflicts manually, mark them as resolved with\nhint: "git add/rm <conflicted_files>", then run "git rebase --continue".\nCould not apply 6efa5da... ours',
    context: { operation: 'pull' },
    expected: { files: ['f.txt'] },
  },
  {
    kind: 'merge_conflict',
    label: 'pulling again before finishing',
    source: 'produced here (git 2.39)',
    output:
      "error: Pulling is not possible because you have unmerged files.\nhint: Fix them up in the work tree, and then use 'git add/rm <file>'\nhint: as appropriate to mark resolution and make a commit.\nfatal: Exiting because of an unresolved conflict.",
    context: { operation: 'pull' },
  },

  // local_changes_block
  {
    kind: 'local_changes_block',
    label: 'an uncommitted edit',
    source: 'produced here (git 2.39 pull --no-rebase)',
    output:
      'Updating 839cf31..c37baa6\nerror: Your local changes to the following files would be overwritten by merge:\n\tf.txt\nPlease commit your changes or stash them before you merge.\nAborting',
    context: { operation: 'pull' },
    expected: { action: 'stash_and_retry', files: ['f.txt'] },
  },
  {
    kind: 'local_changes_block',
    label: 'an untracked file in the way',
    source: 'produced here (git 2.39 pull --no-rebase)',
    output:
      'Updating d3b0a4b..47050d9\nerror: The following untracked working tree files would be overwritten by merge:\n\tnew.txt\nPlease move or remove them before you merge.\nAborting',
    context: { operation: 'pull' },
    expected: { files: ['new.txt'] },
  },
  {
    kind: 'local_changes_block',
    label: 'a pull with rebase over unstaged changes',
    source: 'produced here (git 2.39 pull --rebase)',
    output: 'error: cannot pull with rebase: You have unstaged changes.\nerror: please commit or stash them.',
    context: { operation: 'pull' },
  },

  // ssh_anonymous
  {
    kind: 'ssh_anonymous',
    label: 'a key ssh offered, on no account',
    source: 'seed 000; produced here (OpenSSH 9.2 -v against the fake hub)',
    output:
      'debug1: Offering public key: /home/alice/.ssh/id_ed25519 ED25519 SHA256:TqsFpqkIyKXcla1/mYbK/XaeH17WqNTgYqOfH0noopA explicit\r\nHi anonymous, welcome to Hugging Face.\n',
    context: { operation: 'ssh_test', offeredKeys: OFFERED },
    expected: { action: 'open_keys_page', link: 'https://huggingface.co/settings/keys' },
  },
  {
    kind: 'ssh_anonymous',
    label: 'no key offered at all',
    source: 'seed 000 / seed 001',
    output: 'Hi anonymous, welcome to Hugging Face.',
    context: { operation: 'ssh_test', offeredKeys: [] },
  },

  // ssh_key_not_on_account
  {
    kind: 'ssh_key_not_on_account',
    label: 'the SSH test, a key offered',
    source: 'OpenSSH (test/main/features/ssh/connection-verdict.test.ts)',
    output: 'git@hf.co: Permission denied (publickey).\n',
    context: { operation: 'ssh_test', offeredKeys: OFFERED },
    expected: { action: 'open_keys_page' },
  },
  {
    kind: 'ssh_key_not_on_account',
    label: 'git over SSH (nobody looked at the keys)',
    source: 'OpenSSH via git 2.39 (the footer as produced here)',
    output: `git@hf.co: Permission denied (publickey).\n${SSH_FOOTER}`,
    context: { operation: 'clone', ...overSsh },
  },
  {
    kind: 'ssh_key_not_on_account',
    label: "git-lfs's SSH call",
    source: 'git-lfs/git-lfs#1843',
    output:
      "Git LFS: (0 of 9 files) 0 B / 279.75 MB\nbatch request: exit status 255: Permission denied (publickey).\nerror: failed to push some refs to 'git@github.com:richpeck/exception_handler.git'",
  },

  // ssh_host_key_unknown
  {
    kind: 'ssh_host_key_unknown',
    label: 'the SSH test with nothing pinned',
    source: 'produced here (OpenSSH 9.2, StrictHostKeyChecking=yes)',
    output:
      'No ED25519 host key is known for [127.0.0.1]:42481 and you have requested strict checking.\r\nHost key verification failed.\r\n',
    context: { operation: 'ssh_test', sshHost: '127.0.0.1', sshPort: 42481 },
    expected: { action: 'pin_host_keys' },
  },
  {
    kind: 'ssh_host_key_unknown',
    label: 'git over SSH',
    source: 'NBCLab/abbr#27',
    output: `Host key verification failed.\n${SSH_FOOTER}`,
    context: { operation: 'clone', ...overSsh },
  },

  // ssh_host_key_changed
  {
    kind: 'ssh_host_key_changed',
    label: "OpenSSH's banner",
    source: 'produced here (OpenSSH 9.2, a different key recorded for the host)',
    output: [
      '@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@',
      '@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @',
      '@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@',
      'IT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!',
      'Someone could be eavesdropping on you right now (man-in-the-middle attack)!',
      'It is also possible that a host key has just been changed.',
      'The fingerprint for the ED25519 key sent by the remote host is',
      'SHA256:lq877ECyt5MIqm7bNifWQmmukw4932tHub4NcTZeRWU.',
      'Please contact your system administrator.',
      'Add correct host key in /tmp/hfgd/known_hosts to get rid of this message.',
      'Offending ED25519 key in /tmp/hfgd/known_hosts:1',
      'Host key for [127.0.0.1]:42481 has changed and you have requested strict checking.',
      'Host key verification failed.',
    ].join('\r\n'),
    context: { operation: 'ssh_test', sshHost: '127.0.0.1', sshPort: 42481 },
    expected: { action: 'pin_host_keys' },
  },
  {
    kind: 'ssh_host_key_changed',
    label: 'git over SSH (the banner shortened)',
    source: 'OpenSSH banner via git (connection-verdict.test.ts)',
    output: `@@@@\n@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\nHost key verification failed.\n${SSH_FOOTER}`,
    context: { operation: 'fetch', ...overSsh },
  },

  // ssh_timeout
  {
    kind: 'ssh_timeout',
    label: 'port 22 blocked',
    source: 'HUB-FACTS "Port blocked"',
    output: 'ssh: connect to host hf.co port 22: Connection timed out',
    context: { operation: 'ssh_test' },
    expected: { action: 'use_https' },
  },
  {
    kind: 'ssh_timeout',
    label: 'dropped during the banner',
    source: 'produced here (OpenSSH 9.2, ConnectTimeout=2, behind this sandbox’s proxy)',
    output: 'Connection timed out during banner exchange\r\nConnection to 10.255.255.1 port 22 timed out\r\n',
    context: { operation: 'ssh_test', sshHost: '10.255.255.1' },
  },
  {
    kind: 'ssh_timeout',
    label: 'git over SSH',
    source: 'HUB-FACTS "Port blocked", via git',
    output: `ssh: connect to host hf.co port 22: Connection timed out\n${SSH_FOOTER}`,
    context: { operation: 'fetch', ...overSsh },
  },

  // ssh_refused
  {
    kind: 'ssh_refused',
    label: 'nothing listening on the port',
    source: 'produced here (OpenSSH 9.2)',
    output: 'ssh: connect to host 127.0.0.1 port 1: Connection refused\r\n',
    context: { operation: 'ssh_test', sshHost: '127.0.0.1', sshPort: 1 },
    expected: { message: '127.0.0.1 refused (or closed) the connection on port 1.' },
  },
  {
    kind: 'ssh_refused',
    label: 'git over SSH',
    source: 'OpenSSH (connection-verdict.test.ts) via git',
    output: `ssh: connect to host hf.co port 22: Connection refused\n${SSH_FOOTER}`,
    context: { operation: 'clone', ...overSsh },
  },

  // ssh_dns
  {
    kind: 'ssh_dns',
    label: 'git over SSH to a name with no DNS answer',
    source: 'produced here (git 2.39 clone git@nonexistent.invalid:alice/model)',
    output: `Cloning into 'copy'...\nssh: Could not resolve hostname nonexistent.invalid: Name or service not known\r\n${SSH_FOOTER}`,
    context: { operation: 'clone', transport: 'ssh', sshHost: 'nonexistent.invalid' },
  },
  {
    kind: 'ssh_dns',
    label: 'the SSH test offline',
    source: 'produced here (OpenSSH 9.2 ssh -T git@hf.co, no network)',
    output: 'ssh: Could not resolve hostname hf.co: Name or service not known',
    context: { operation: 'ssh_test' },
    expected: { message: 'This computer could not find hf.co (no DNS answer).' },
  },

  // ssh_missing
  {
    kind: 'ssh_missing',
    label: 'git over SSH with no ssh installed',
    source: 'produced here (git 2.39, PATH without ssh)',
    output: "Cloning into 'copy'...\nerror: cannot run ssh: No such file or directory\nfatal: unable to fork",
    context: { operation: 'clone', transport: 'ssh' },
  },
  {
    kind: 'ssh_missing',
    label: 'the SSH test could not start ssh',
    source: 'the run flag (main/core/run.ts notFound)',
    output: '',
    context: { operation: 'ssh_test', flags: { notFound: true, exitCode: null } },
  },
  {
    kind: 'ssh_missing',
    label: 'GIT_SSH_COMMAND naming a missing program',
    source: 'produced here (git 2.39)',
    output:
      "Cloning into '/tmp/z2'...\nfatal: cannot run /nonexistent/ssh: No such file or directory\nfatal: unable to fork",
    context: { operation: 'clone', transport: 'ssh' },
  },

  // git_missing
  {
    kind: 'git_missing',
    label: 'Windows cmd without Git',
    source: 'desktop/desktop#9177',
    output: "'git' is not recognized as an internal or external command,\noperable program or batch file.",
  },
  {
    kind: 'git_missing',
    label: 'the run could not start git',
    source: 'the run flag; produced here ("spawn git ENOENT")',
    output: 'spawn git ENOENT',
    context: { operation: 'clone', flags: { notFound: true, exitCode: null } },
  },

  // disk_full
  {
    kind: 'disk_full',
    label: 'a clone that filled the disk',
    source: 'gitpod-io/gitpod#1244',
    output: "Cloning into '.'... fatal: write error: No space left on device fatal: index-pack failed",
    context: clone,
  },
  {
    kind: 'disk_full',
    label: 'a re-clone on a full disk',
    source: 'mikeizbicki/cmc-csci143#335',
    output:
      'fatal: write error: No space left on device | 22.37 MiB/s\nfatal: fetch-pack: invalid index-pack output',
    context: clone,
  },

  // invalid_metadata
  {
    kind: 'invalid_metadata',
    label: "the Hub's YAML check on push",
    source: 'huu4ontocord/MDEL#34',
    output: [
      sideband(
        'Sorry, your push was rejected during YAML metadata verification:',
        '- Error: "model-index[0].results[0].dataset.config" must be a string',
        RULE,
        'Please find the documentation at:',
        'https://huggingface.co/docs/hub/model-cards#model-card-metadata',
      ),
      'To https://huggingface.co/Multi-Domain-Expert-Layers/expert-uspto',
      ' ! [remote rejected] main -> main (pre-receive hook declined)',
    ].join('\n'),
    context: push,
  },
  {
    kind: 'invalid_metadata',
    label: "the commit API's YAML check",
    source: 'huggingface/huggingface_hub#1950',
    output:
      'BadRequestError:  (Request ID: Root=1-659558eb-7c4f530f1c1f560317f09223;85312e92-4e2a-4e94-ba08-2409317d4d45)\n\nBad request for commit endpoint:\nInvalid YAML in README.md: unknown tag !<tag:yaml.org,2002:python/tuple> (33:3)',
  },

  // read_forbidden
  {
    kind: 'read_forbidden',
    label: 'a clone refused with 403',
    source: 'ymcui/MacBERT#16',
    output:
      "Cloning into 'chinese-macbert-base'...\nremote: Authorization error.\nfatal: unable to access 'https://huggingface.co/hfl/chinese-macbert-base/': The requested URL returned error: 403",
    context: { ...clone, repo: 'hfl/chinese-macbert-base' },
  },
  {
    kind: 'read_forbidden',
    label: 'a disabled repository',
    source: 'HUB-FACTS "Disabled repositories: 403"',
    output:
      "remote: Access to this resource is disabled.\nfatal: unable to access 'https://huggingface.co/alice/model/': The requested URL returned error: 403",
    context: { ...push, repo: 'alice/model' },
  },

  // lfs_missing_on_hub
  {
    kind: 'lfs_missing_on_hub',
    label: "the smudge filter meets the server's 404",
    source:
      'git-lfs docs/api/batch.md (object error 404); the wording from a public monorepo-migration write-up, its <placeholders> filled in',
    output:
      "Error downloading object: model.safetensors (5eeda63): Smudge error: Error downloading model.safetensors (5eeda63bf616a61664bc95b2c09d3b3d7125209e635678bd3f5f324e9bdb1414): [5eeda63bf616a61664bc95b2c09d3b3d7125209e635678bd3f5f324e9bdb1414] Object does not exist on the server or you don't have permissions to access it: [404] Object does not exist on the server or you don't have permissions to access it",
    context: clone,
  },
  {
    kind: 'lfs_missing_on_hub',
    label: 'a clone whose pointer the server has no object for (real git-lfs 3.3 against the fake hub)',
    source:
      'produced here (failures-real.test.ts; the 404 message is the fake hub’s, per the batch API docs)',
    output:
      "Downloading w.bin (42 B)\nError downloading object: w.bin (bbbbbbb): Smudge error: Error downloading w.bin (bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb): [bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb] Object does not exist on the server: [404] Object does not exist on the server\n\nErrors logged to '/tmp/copy/.git/lfs/logs/20261201T163823.193872142.log'.\nUse `git lfs logs last` to view the log.\nerror: external filter 'git-lfs filter-process' failed\nfatal: w.bin: smudge filter lfs failed\nwarning: Clone succeeded, but checkout failed.",
    context: clone,
  },

  // ssh_no_key
  {
    kind: 'ssh_no_key',
    label: 'the SSH test, nothing offered',
    source: 'OpenSSH (connection-verdict.test.ts: "ssh had no key to offer")',
    output: 'git@hf.co: Permission denied (publickey).\n',
    context: { operation: 'ssh_test', offeredKeys: [] },
  },
  {
    kind: 'ssh_no_key',
    label: 'the debug log of an empty agent',
    source: 'OpenSSH 9.2 -v wording',
    output:
      'debug1: Authentications that can continue: publickey\r\ndebug1: No more authentication methods to try.\r\ngit@hf.co: Permission denied (publickey).\r\n',
    context: { operation: 'ssh_test', offeredKeys: [] },
  },

  // cancelled
  {
    kind: 'cancelled',
    label: 'a push stopped mid-upload',
    source: 'the run flag',
    output: 'Uploading LFS objects:  41% (7/17), 1.2 GB | 12 MB/s',
    context: { ...push, flags: { cancelled: true, exitCode: null } },
  },
  {
    kind: 'cancelled',
    label: 'the SSH test stopped, whatever it printed',
    source: 'the run flag (connection-test.ts: a cancel wins over the text)',
    output: 'Hi alice, welcome to Hugging Face.',
    context: { operation: 'ssh_test', flags: { cancelled: true, exitCode: null } },
    expected: { message: 'You stopped the test.' },
  },

  // ok
  {
    kind: 'ok',
    label: 'the Hub greets a known key',
    source: 'seed 000; produced here (OpenSSH 9.2 against the fake hub)',
    output:
      'Hi alice, welcome to Hugging Face.\nAuthenticated to 127.0.0.1 ([127.0.0.1]:42481) using "publickey".',
    context: { operation: 'ssh_test', flags: { exitCode: 0 } },
    expected: { user: 'alice' },
  },
  {
    kind: 'ok',
    label: 'a push that went through',
    source: 'git push output (diagnose.test.ts)',
    output: 'To https://huggingface.co/alice/model\n   abc1234..def5678  main -> main',
    context: { ...push, flags: { exitCode: 0 } },
  },

  // Faults of this computer and the line (issue 16, item 6), produced here by real git 2.39 and
  // git-lfs 3.3 as root in temp homes: a 20 MB tmpfs (a full disk), `chattr +i` (immutable), a
  // read-only tmpfs, another user (setpriv), planted lock files, the fake hub killed mid-transfer
  // (test/main/git/faults.test.ts produces each of these again and checks the table on it).

  // disk_full
  {
    kind: 'disk_full',
    label: 'a clone whose pack does not fit (produced here: 20 MB tmpfs, 26 MB pack)',
    source: 'produced here (git 2.39 clone into a full tmpfs)',
    output: [
      'remote: Compressing objects: 100% (2/2), done.        ',
      'fatal: write error: No space left on device',
      'fatal: fetch-pack: invalid index-pack output',
    ].join('\n'),
    context: clone,
  },
  {
    kind: 'disk_full',
    label: 'staging on a full disk (produced here)',
    source: 'produced here (git 2.39 add on a full tmpfs)',
    output: 'fatal: unable to write loose object file: No space left on device',
    context: { operation: 'local' },
  },

  // local_permission
  {
    kind: 'local_permission',
    label: 'a clone into a folder with chattr +i (produced here)',
    source: 'produced here (git 2.39, chattr +i on the parent folder)',
    output: "fatal: could not create work tree dir 'imm/c': Operation not permitted",
    context: clone,
    expected: { files: ['imm/c'] },
  },
  {
    kind: 'local_permission',
    label: 'a clone onto a read-only disk (produced here)',
    source: 'produced here (git 2.39, a tmpfs mounted ro)',
    output: "fatal: could not create work tree dir 'ro/c': Read-only file system",
    context: clone,
  },
  {
    kind: 'local_permission',
    label: 'a clone into a folder another user owns (produced here)',
    source: 'produced here (git 2.39 as nobody, setpriv)',
    output: "fatal: could not create work tree dir '/tmp/gf/t/rootonly/c': Permission denied",
    context: clone,
  },
  {
    kind: 'local_permission',
    label: 'staging with .git/objects immutable (produced here)',
    source: 'produced here (git 2.39 add, chattr +i .git/objects)',
    output: [
      'error: unable to create temporary file: Operation not permitted',
      'error: a: failed to insert into database',
      "error: unable to index file 'a'",
      'fatal: adding files failed',
    ].join('\n'),
    context: { operation: 'local' },
  },
  {
    kind: 'local_permission',
    label: 'a commit with .git immutable: the index lock cannot be made (not a stale lock)',
    source: 'produced here (git 2.39 commit, chattr +i .git)',
    output: "fatal: Unable to create '/tmp/gf/t/r2/.git/index.lock': Operation not permitted",
    context: { operation: 'local' },
  },

  // git_lock
  {
    kind: 'git_lock',
    label: 'a stale ~/.gitconfig.lock on git config --global (produced here)',
    source: 'produced here (git 2.39 config.c)',
    output: 'error: could not lock config file /tmp/lk/.gitconfig: File exists',
    context: { operation: 'local' },
    expected: { action: 'remove_stale_lock', files: ['/tmp/lk/.gitconfig.lock'] },
  },
  {
    kind: 'git_lock',
    label: 'git lfs install with a stale ~/.gitconfig.lock (produced here)',
    source: 'produced here (git-lfs 3.3 running git config)',
    output:
      "warning: error running /usr/lib/git-core/git 'config' '--includes' '--global' '--replace-all' 'filter.lfs.required' 'true': 'error: could not lock config file /tmp/lk/.gitconfig: File exists' 'exit status 255'\nRun `git lfs install --force` to reset Git configuration.",
    context: { operation: 'local' },
    expected: { files: ['/tmp/lk/.gitconfig.lock'] },
  },
  {
    kind: 'git_lock',
    label: 'a stale .git/index.lock on git add (produced here)',
    source: 'produced here (git 2.39 lockfile.c)',
    output:
      "fatal: Unable to create '/tmp/lk/r/.git/index.lock': File exists.\n\nAnother git process seems to be running in this repository, e.g.\nan editor opened by 'git commit'. Please make sure all processes\nare terminated then try again. If it still fails, a git process\nmay have crashed in this repository earlier:\nremove the file manually to continue.",
    expected: { files: ['/tmp/lk/r/.git/index.lock'] },
  },
  {
    kind: 'git_lock',
    label: 'a stale ref lock on commit (produced here)',
    source: 'produced here (git 2.39 refs/files-backend.c)',
    output:
      "fatal: cannot lock ref 'HEAD': Unable to create '/tmp/lk/r/.git/refs/heads/master.lock': File exists.\n\nAnother git process seems to be running in this repository, e.g.\nan editor opened by 'git commit'. Please make sure all processes\nare terminated then try again. If it still fails, a git process\nmay have crashed in this repository earlier:\nremove the file manually to continue.",
    context: { operation: 'local' },
    expected: { files: ['/tmp/lk/r/.git/refs/heads/master.lock'] },
  },
  {
    kind: 'git_lock',
    label: 'the credential store’s lock on “Forget this token” (exit 0; produced here)',
    source: 'produced here (git 2.39 credential-store.c)',
    output: 'fatal: unable to get credential storage lock in 1000 ms: File exists',
    context: { operation: 'local' },
    expected: { files: ['~/.git-credentials.lock'] },
  },

  // connection_lost
  {
    kind: 'connection_lost',
    label: 'the hub killed while a clone received its pack (produced here)',
    source: 'produced here (git 2.39 over HTTP, the fake hub killed mid-pack)',
    output: [
      "Cloning into '/tmp/drop-HJuUh7/c1'...",
      'remote: Compressing objects: 100% (12/12), done.        ',
      'Receiving objects:   7% (1/13)',
      'error: RPC failed; curl 18 transfer closed with outstanding read data remaining',
      'fatal: early EOF',
      'fatal: fetch-pack: invalid index-pack output',
    ].join('\n'),
    context: clone,
  },
  {
    kind: 'connection_lost',
    label: 'the hub killed while a push sent its pack (produced here)',
    source: 'produced here (git 2.39 over HTTP, the fake hub killed mid-push)',
    output: [
      'Writing objects:   7% (1/13)',
      "error: RPC failed; curl 7 Failed to connect to 127.0.0.1 port 39441 after 0 ms: Couldn't connect to server",
      'Writing objects:  38% (5/13)',
      'send-pack: unexpected disconnect while reading sideband packet',
      'Writing objects: 100% (13/13), 9.09 MiB | 17.05 MiB/s, done.',
      'Total 13 (delta 0), reused 0 (delta 0), pack-reused 0',
      'fatal: the remote end hung up unexpectedly',
      'Everything up-to-date',
    ].join('\n'),
    context: push,
    expected: { fix: 'Your branch on the Hub did not change: check the connection, then push again.' },
  },
  {
    kind: 'connection_lost',
    label: 'an HTTP/2 stream cut during a clone',
    source: 'zai-org/CogVideo#168 (also curl/curl#16732: "not-a-curl-bug", a dropped connection)',
    output: [
      "Cloning into 'C:\\Code\\CogVideo'...",
      'remote: Enumerating objects: 687, done.',
      'remote: Counting objects: 100% (252/252), done.',
      'remote: Compressing objects: 100% (120/120), done.',
      'error: RPC failed; curl 92 HTTP/2 stream 5 was not closed cleanly: CANCEL (err 8)',
      'error: 1344 bytes of body are still expected',
      'fetch-pack: unexpected disconnect while reading sideband packet',
      'fatal: early EOF',
      'fatal: fetch-pack: invalid index-pack output',
    ].join('\n'),
    context: clone,
  },

  // concurrent_push
  {
    kind: 'concurrent_push',
    label: 'two pushes to main at once (produced here)',
    source: 'produced here (git 2.39 receive-pack, a second push during the first one’s hook)',
    output: [
      "remote: error: cannot lock ref 'refs/heads/main': is at 727ec5cae0fb8ff31706d95900c0933773a44911 but expected 56e94e97f5182ea1630feaf780b0e1ae7d3c2412        ",
      'To https://huggingface.co/alice/model',
      ' ! [remote rejected] main -> main (failed to update ref)',
      "error: failed to push some refs to 'https://huggingface.co/alice/model'",
    ].join('\n'),
    context: push,
    expected: { action: 'pull_first' },
  },
  {
    kind: 'concurrent_push',
    label: 'the branch locked on the Hub’s side (produced here): not a lock of this computer',
    source: 'produced here (git 2.39 receive-pack with refs/heads/main.lock present)',
    output: [
      "remote: error: cannot lock ref 'refs/heads/main': Unable to create '/srv/r.git/./refs/heads/main.lock': File exists.        ",
      'remote: ',
      'remote: Another git process seems to be running in this repository, e.g.        ',
      "remote: an editor opened by 'git commit'. Please make sure all processes        ",
      'remote: are terminated then try again. If it still fails, a git process        ',
      'remote: may have crashed in this repository earlier:        ',
      'remote: remove the file manually to continue.        ',
      'To https://huggingface.co/alice/model',
      ' ! [remote rejected] main -> main (failed to update ref)',
      "error: failed to push some refs to 'https://huggingface.co/alice/model'",
    ].join('\n'),
    context: push,
    expected: { action: 'pull_first' },
  },

  // stalled
  {
    kind: 'stalled',
    label: 'a clone with the hub frozen mid-pack, stopped by the app (produced here)',
    source:
      'produced here (the fake hub SIGSTOPped mid-pack; the hard limit at 2.5 s); abridged: the counting lines left out',
    output: [
      "Cloning into '/tmp/hfgd-faults-XQiqwO/frozen-clone'...",
      'remote: Enumerating objects: 15, done.        ',
      'remote: Compressing objects: 100% (14/14), done.        ',
      'Receiving objects:   6% (1/15)\rReceiving objects:  13% (2/15)\rReceiving objects:  20% (3/15)\rfetch-pack: unexpected disconnect while reading sideband packet',
      'HF Git Desktop stopped this: no data from the Hub for 3 s.',
    ].join('\n'),
    context: clone,
    expected: { message: 'No data came from the Hub for 3 seconds, so the app stopped waiting.' },
  },
  {
    kind: 'stalled',
    label: 'a push with the hub frozen mid-upload of a large file (produced here)',
    source: 'produced here (the fake hub SIGSTOPped while git-lfs uploaded; git printed nothing)',
    output: 'HF Git Desktop stopped this: no data from the Hub for 3 s.',
    context: { ...push, flags: { exitCode: null, stalled: true } },
  },

  // unknown
  {
    kind: 'unknown',
    label: '"pre-receive hook declined" alone is no file rule',
    source: 'HUB-FACTS ("pre-receive hook declined" alone does not mean a file rule)',
    output:
      " ! [remote rejected] main -> main (pre-receive hook declined)\nerror: failed to push some refs to 'https://huggingface.co/alice/model'",
    context: push,
  },
  {
    kind: 'unknown',
    label: 'an SSH footer with no cause before it',
    source: 'git 2.39 (the footer as produced here)',
    output: SSH_FOOTER,
    context: { operation: 'fetch', ...overSsh },
  },

  // Added while wiring the table to every screen (the fake hub now prints these as the Hub does).
  {
    kind: 'ssh_anonymous',
    label: 'a push over SSH with a key on no account',
    source: 'HUB-FACTS ("may not push to"), with the greeting’s name for a key on no account (seed 000)',
    output: `ERROR: anonymous may not push to alice/model\n${SSH_FOOTER}`,
    context: { operation: 'push', ...overSsh },
  },
  {
    kind: 'ok',
    label: 'a contributor’s dry run is not predicted to fail (they may have created the repository)',
    source: 'hub-docs organizations-security.md (contributors write the repositories they created)',
    output: 'To https://huggingface.co/lab/model\n   abc1234..def5678  main -> main',
    context: {
      operation: 'push_dry_run',
      transport: 'https',
      repo: 'lab/model',
      whoami: whoami({ orgs: [{ name: 'lab', role: 'contributor' }] }),
      flags: { exitCode: 0 },
    },
  },
];

// What the fake hub's API remembers beyond the bare repositories: when each repository was made,
// a Space's SDK and runtime stage, and the discussions and pull requests of each repository.
import { join } from 'node:path';
import { fileOnMain, filesOnMain, refSha } from './bare-repo';
import { defaultAppFile } from './hub-defaults';

/** Why: the Space SDKs the Hub accepts (huggingface_hub constants.SPACES_SDK_TYPES). */
export type SpaceSdk = 'gradio' | 'streamlit' | 'docker' | 'static';
export const SPACE_SDKS: readonly SpaceSdk[] = ['gradio', 'streamlit', 'docker', 'static'];

/** Why: a Space's runtime stage (huggingface_hub _space_api.py SpaceStage; HUB-FACTS). */
export type FakeSpaceStage =
  | 'NO_APP_FILE'
  | 'CONFIG_ERROR'
  | 'BUILDING'
  | 'BUILD_ERROR'
  | 'APP_STARTING'
  | 'RUNNING'
  | 'RUNNING_BUILDING'
  | 'RUNTIME_ERROR'
  | 'PAUSED'
  | 'STOPPED'
  | 'SLEEPING';

/** Why: a discussion or pull request as the fake hub keeps it (FakeHub.pullRequests returns these). */
export interface FakeDiscussion {
  readonly num: number;
  readonly title: string;
  readonly description: string;
  readonly author: string;
  /** huggingface_hub community.py DiscussionStatus; API-made pull requests start as "draft". */
  readonly status: 'draft' | 'open' | 'closed' | 'merged';
  readonly isPullRequest: boolean;
  readonly createdAt: string;
  /** `refs/pr/N` for a pull request (huggingface_hub Discussion.git_reference). */
  readonly ref: string | null;
}

interface SpaceState {
  sdk: SpaceSdk;
  stage: FakeSpaceStage;
  errorMessage?: string;
  /** main's head the stage was decided for; a new head starts a new build. */
  seenHead: string | undefined;
  /** GETs left in BUILDING before `next`. */
  buildingLeft: number;
  next?: { stage: FakeSpaceStage; errorMessage?: string };
}

/** How many runtime GETs a build stays BUILDING: short and deterministic for tests. */
const BUILD_GETS = 2;

/** Why: one object the HTTP API and git over SSH share (the SSH side asks it for PR refs). */
export class ApiStore {
  private readonly created = new Map<string, string>();
  private readonly spaces = new Map<string, SpaceState>();
  private readonly discussions = new Map<string, FakeDiscussion[]>();

  constructor(private readonly reposDir: string) {}

  gitDir(path: string): string {
    return join(this.reposDir, `${path}.git`);
  }

  /** Records a new repository (a Space with its SDK) and the stage its first commit gives it. */
  added(path: string, sdk?: SpaceSdk): void {
    this.created.set(path, new Date().toISOString());
    if (path.startsWith('spaces/')) {
      this.spaces.set(path, {
        sdk: sdk ?? 'gradio',
        stage: 'NO_APP_FILE',
        seenHead: undefined,
        buildingLeft: 0,
      });
    }
  }

  createdAt(path: string): string {
    return this.created.get(path) ?? new Date(0).toISOString();
  }

  sdkOf(path: string): SpaceSdk | undefined {
    // The README's front matter configures the Space (hub-docs spaces-config-reference.md).
    return readmeSdk(fileOnMain(this.gitDir(path), 'README.md')) ?? this.spaceState(path)?.sdk;
  }

  private spaceState(path: string): SpaceState | undefined {
    if (!path.startsWith('spaces/')) return undefined;
    let state = this.spaces.get(path);
    if (!state) {
      state = { sdk: 'gradio', stage: 'NO_APP_FILE', seenHead: undefined, buildingLeft: 0 };
      this.spaces.set(path, state);
    }
    return state;
  }

  /**
   * Why: GET .../runtime's stage, moved on by this GET. A new head on main starts a build: a tree
   * of only .gitattributes and README.md is NO_APP_FILE at once; otherwise BUILDING for the next
   * BUILD_GETS answers, then RUNNING, or BUILD_ERROR when the SDK's app file is missing.
   */
  runtime(path: string): { stage: FakeSpaceStage; errorMessage?: string; sdk: SpaceSdk } {
    const state = this.spaceState(path);
    if (!state) throw new Error(`fake hub: ${path} is not a Space`);
    const gitDir = this.gitDir(path);
    const head = refSha(gitDir, 'refs/heads/main');
    if (head !== state.seenHead) {
      state.seenHead = head;
      const files = filesOnMain(gitDir);
      const readme = fileOnMain(gitDir, 'README.md');
      state.sdk = readmeSdk(readme) ?? state.sdk;
      const appFile = readmeAppFile(readme) ?? defaultAppFile(state.sdk);
      delete state.errorMessage;
      if (files.every((file) => file === '.gitattributes' || file === 'README.md')) {
        state.stage = 'NO_APP_FILE';
        state.buildingLeft = 0;
      } else {
        state.stage = 'BUILDING';
        state.buildingLeft = BUILD_GETS;
        // The Hub's build log words are unverified; the message names the missing file.
        state.next = files.includes(appFile)
          ? { stage: 'RUNNING' }
          : { stage: 'BUILD_ERROR', errorMessage: `Build failed: ${appFile} not found in the repository.` };
      }
    }
    const answer = {
      stage: state.stage,
      sdk: state.sdk,
      ...(state.errorMessage ? { errorMessage: state.errorMessage } : {}),
    };
    if (state.stage === 'BUILDING' && state.next) {
      state.buildingLeft -= 1;
      if (state.buildingLeft <= 0) {
        state.stage = state.next.stage;
        if (state.next.errorMessage) state.errorMessage = state.next.errorMessage;
        delete state.next;
      }
    }
    return answer;
  }

  /** Why: FakeHub.setSpaceStage: a test puts a Space in any stage (kept until the next push). */
  setStage(path: string, stage: FakeSpaceStage, errorMessage?: string): void {
    const state = this.spaceState(path);
    if (!state) throw new Error(`fake hub: ${path} is not a Space`);
    state.seenHead = refSha(this.gitDir(path), 'refs/heads/main');
    state.stage = stage;
    state.buildingLeft = 0;
    delete state.next;
    if (errorMessage === undefined) delete state.errorMessage;
    else state.errorMessage = errorMessage;
  }

  discussionsOf(path: string): readonly FakeDiscussion[] {
    return this.discussions.get(path) ?? [];
  }

  addDiscussion(path: string, entry: Omit<FakeDiscussion, 'num' | 'ref'>): FakeDiscussion {
    const list = this.discussions.get(path) ?? [];
    // Discussions and pull requests share one numbering per repository (hub-docs
    // repositories-pull-requests-discussions.md: "they are essentially the same").
    const num = list.length + 1;
    const made: FakeDiscussion = { ...entry, num, ref: entry.isPullRequest ? `refs/pr/${num}` : null };
    list.push(made);
    this.discussions.set(path, list);
    return made;
  }

  /** Why: the refs/pr/N a user may push to in a repository: their own pull requests not closed or merged. */
  pullRequestRefs(path: string, user: string): readonly string[] {
    return this.discussionsOf(path)
      .filter((d) => d.isPullRequest && d.author === user && (d.status === 'open' || d.status === 'draft'))
      .map((d) => d.ref ?? '');
  }
}

function frontMatter(readme: string | undefined): string {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readme ?? '');
  return match?.[1] ?? '';
}

function readmeSdk(readme: string | undefined): SpaceSdk | undefined {
  const sdk = /^sdk:\s*["']?(\w+)/m.exec(frontMatter(readme))?.[1];
  return SPACE_SDKS.find((known) => known === sdk);
}

function readmeAppFile(readme: string | undefined): string | undefined {
  return /^app_file:\s*["']?([^"'\s]+)/m.exec(frontMatter(readme))?.[1];
}

import { describe, expect, it } from 'vitest';
import type { HubNamespaceView } from '../../../../preload/contract';
import { targetOf } from '../../../../renderer/features/hub/publish-form';
import { stepState } from '../../../../renderer/features/hub/publish-progress';

const NAMESPACES: HubNamespaceView[] = [{ name: 'alice', kind: 'user', canCreate: true, why: null }];

describe('what Publish sends', () => {
  it('creates a new repository from the draft, in the default namespace when none was chosen', () => {
    expect(
      targetOf(
        { mode: 'new', draft: { kind: 'space', namespace: '', name: 'demo', private: true, sdk: 'gradio' } },
        NAMESPACES,
      ),
    ).toEqual({
      target: { kind: 'space', namespace: 'alice', name: 'demo', private: true, sdk: 'gradio', create: true },
    });
  });
  it('picks an existing one without creating it', () => {
    const repo = {
      id: 'alice-lab/data',
      kind: 'dataset',
      private: true,
      updatedAt: null,
      url: '',
      localPath: null,
      cloneTo: '',
    } as const;
    expect(targetOf({ mode: 'existing', repo }, NAMESPACES)).toEqual({
      target: {
        kind: 'dataset',
        namespace: 'alice-lab',
        name: 'data',
        private: true,
        sdk: null,
        create: false,
      },
    });
    expect(targetOf({ mode: 'existing', repo: null }, NAMESPACES)).toEqual({
      problem: 'Choose one of your repositories.',
    });
  });
  it('refuses a draft the Hub would refuse', () => {
    expect(
      targetOf(
        {
          mode: 'new',
          draft: { kind: 'model', namespace: 'alice', name: 'my model', private: false, sdk: null },
        },
        NAMESPACES,
      ),
    ).toMatchObject({ problem: expect.stringMatching(/only letters/) });
  });
});

describe('the publish’s steps', () => {
  it('are done before the current one, and later after it', () => {
    expect(stepState('prepare', 'commit')).toBe('done');
    expect(stepState('commit', 'commit')).toBe('now');
    expect(stepState('push', 'commit')).toBe('later');
    expect(stepState('prepare', null)).toBe('later');
  });
});

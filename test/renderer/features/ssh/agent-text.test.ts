import { describe, expect, it } from 'vitest';
import { agentDoneText, WRONG_PASSPHRASE } from '../../../../renderer/features/ssh/agent-text';
import { cloneExamples } from '../../../../renderer/features/ssh/clone-examples';

describe('agent step text', () => {
  it('uses the exact words for a wrong passphrase', () => {
    expect(WRONG_PASSPHRASE.startsWith("That passphrase doesn't unlock this key")).toBe(true);
  });

  it('says which agent holds the key, and when nothing changed', () => {
    const base = { keyName: 'id_ed25519', fingerprint: null } as const;
    expect(agentDoneText({ ...base, agent: 'system', alreadyLoaded: false })).toBe(
      'id_ed25519 is now in the agent.',
    );
    expect(agentDoneText({ ...base, agent: 'system', alreadyLoaded: true })).toMatch(
      /already.*nothing changed/,
    );
    expect(agentDoneText({ ...base, agent: 'app', alreadyLoaded: false })).toMatch(
      /app started one for its own use/,
    );
  });
});

describe('clone examples', () => {
  it('uses the name the Hub greeted, and the Hub’s repo paths', () => {
    expect(cloneExamples('hf.co', 'alice').map((example) => example.command)).toEqual([
      'git clone git@hf.co:alice/REPO',
      'git clone git@hf.co:datasets/alice/REPO',
      'git clone git@hf.co:spaces/alice/REPO',
    ]);
    expect(cloneExamples('hf.co', null)[0]?.command).toBe('git clone git@hf.co:NAME/REPO');
  });
});

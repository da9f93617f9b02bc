import { describe, expect, it } from 'vitest';
import { upstreamName } from '../../../../renderer/features/repos/home/fork-form';

describe('the fork form’s default name', () => {
  it('takes the original’s own name from every address form the Hub prints', () => {
    expect(upstreamName('openai/gpt2')).toBe('gpt2');
    expect(upstreamName('https://huggingface.co/openai/gpt2')).toBe('gpt2');
    expect(upstreamName('https://huggingface.co/datasets/alice/cards/tree/main/data')).toBe('cards');
    expect(upstreamName('git@hf.co:spaces/alice/demo.git')).toBe('demo');
    expect(upstreamName('http://127.0.0.1:5555/alice/model/')).toBe('model');
  });

  it('has none until the address names a repository', () => {
    expect(upstreamName('')).toBeNull();
    expect(upstreamName('gpt2')).toBeNull();
  });
});

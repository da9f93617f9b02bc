import { beforeEach, describe, expect, it } from 'vitest';
import { useAppStore } from '../../../renderer/store/app-store';
import { STEP_ORDER, stepAfter, stepBefore } from '../../../renderer/store/wizard-slice';

describe('step order', () => {
  it('moves one step at a time and stops at either end', () => {
    expect(stepAfter('welcome')).toBe('check');
    expect(stepBefore('check')).toBe('welcome');
    expect(stepBefore(STEP_ORDER[0])).toBe(STEP_ORDER[0]);
    const last = STEP_ORDER[STEP_ORDER.length - 1]!;
    expect(stepAfter(last)).toBe(last);
  });
});

describe('wizard slice', () => {
  beforeEach(() => useAppStore.setState(useAppStore.getInitialState(), true));

  it('starts on Welcome with SSH preselected', () => {
    const { step, method } = useAppStore.getState();
    expect(step).toBe('welcome');
    expect(method).toBe('ssh');
  });

  it('goes forward, back and straight to a step', () => {
    const store = useAppStore.getState();
    store.next();
    expect(useAppStore.getState().step).toBe('check');
    store.back();
    expect(useAppStore.getState().step).toBe('welcome');
    store.goTo('check');
    expect(useAppStore.getState().step).toBe('check');
  });

  it('remembers the chosen method, and start over forgets it', () => {
    useAppStore.getState().chooseMethod('https');
    useAppStore.getState().next();
    expect(useAppStore.getState().method).toBe('https');
    useAppStore.getState().startOver();
    expect(useAppStore.getState().method).toBe('ssh');
    expect(useAppStore.getState().step).toBe('welcome');
  });
});

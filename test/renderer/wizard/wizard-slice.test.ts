import { beforeEach, describe, expect, it } from 'vitest';
import { useAppStore } from '../../../renderer/store/app-store';
import { ROUTES, STEP_ORDER, stepAfter, stepBefore } from '../../../renderer/wizard/wizard-slice';

describe('step order', () => {
  it('moves one step at a time and stops at either end', () => {
    expect(stepAfter('welcome')).toBe('check');
    expect(stepBefore('check')).toBe('welcome');
    expect(stepBefore(STEP_ORDER[0])).toBe(STEP_ORDER[0]);
    expect(stepAfter('done')).toBe('done');
  });

  it('follows the chosen route: the token route leaves the SSH steps out', () => {
    expect(stepAfter('check', 'https')).toBe('token');
    expect(stepAfter('token', 'https')).toBe('store-token');
    expect(stepAfter('store-token', 'https')).toBe('use-token');
    expect(stepAfter('use-token', 'https')).toBe('use-token');
    expect(stepBefore('token', 'https')).toBe('check');
    expect(stepAfter('check', 'ssh')).toBe('keys');
  });

  it('gives every step to exactly one route, except the shared first two', () => {
    const shared = ROUTES.ssh.filter((step) => ROUTES.https.includes(step));
    expect(shared).toEqual(['welcome', 'check']);
    expect(new Set([...ROUTES.ssh, ...ROUTES.https])).toEqual(new Set(STEP_ORDER));
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

  it('takes the token route after Check when HTTPS was chosen', () => {
    useAppStore.getState().chooseMethod('https');
    useAppStore.getState().goTo('check');
    useAppStore.getState().next();
    expect(useAppStore.getState().step).toBe('token');
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

import { describe, expect, it } from 'vitest';
import { createEventGate } from '../../../main/electron/event-gate';

describe('createEventGate', () => {
  it('holds what is sent before the page has loaded and delivers it, in order, on open', () => {
    // electron/electron#8663: a renderer ignores messages sent before its document exists.
    const delivered: string[] = [];
    const gate = createEventGate<string>((message) => delivered.push(message));
    gate.send('progress 1');
    gate.send('showView');
    expect(delivered).toEqual([]);
    expect(gate.pending()).toBe(2);
    gate.open();
    expect(delivered).toEqual(['progress 1', 'showView']);
    gate.send('progress 2');
    expect(delivered).toEqual(['progress 1', 'showView', 'progress 2']);
    expect(gate.pending()).toBe(0);
  });

  it('holds again while the page reloads', () => {
    const delivered: number[] = [];
    const gate = createEventGate<number>((message) => delivered.push(message));
    gate.open();
    gate.send(1);
    gate.close();
    gate.send(2);
    expect(delivered).toEqual([1]);
    gate.open();
    expect(delivered).toEqual([1, 2]);
  });

  it('keeps only the newest messages past its limit', () => {
    const delivered: number[] = [];
    const gate = createEventGate<number>((message) => delivered.push(message), 3);
    for (let i = 1; i <= 5; i += 1) gate.send(i);
    expect(gate.pending()).toBe(3);
    gate.open();
    expect(delivered).toEqual([3, 4, 5]);
  });
});

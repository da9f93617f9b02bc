import { lazy } from 'react';

// The SSH route: what the wizard may use of it. Each step loads when first shown, which keeps the
// first screen as quick to appear as a bare React page; the store composes the keys and
// connection slices from their own files (see store/app-store.ts).

/** "Your keys": choose a key in ~/.ssh, or go on to make one. */
export const KeysStep = lazy(() => import('./keys-step').then((module) => ({ default: module.KeysStep })));

/** "Create a key": name, comment and passphrase of a new key. */
export const CreateKeyStep = lazy(() =>
  import('./create-key-step').then((module) => ({ default: module.CreateKeyStep })),
);

/** "Add to the agent": unlocks the chosen key once for the session. */
export const AgentStep = lazy(() => import('./agent-step').then((module) => ({ default: module.AgentStep })));

/** "Copy to the Hub": the public key, the Hub's keys page, ssh prepared. */
export const CopyStep = lazy(() => import('./copy-step').then((module) => ({ default: module.CopyStep })));

/** "Test the connection": a live ssh -T and its verdict. */
export const TestStep = lazy(() => import('./test-step').then((module) => ({ default: module.TestStep })));

/** "Done": the commands to use, with the person's own name. */
export const DoneStep = lazy(() => import('./done-step').then((module) => ({ default: module.DoneStep })));

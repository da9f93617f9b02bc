import { lazy } from 'react';

// The Hub's side of the app: your repositories on the Hub, publishing a folder, new repositories,
// the token the Hub's API needs, a Space's runtime. What the rest of the app may use of it.

/** "Your repositories on the Hub": the account's and its organizations' repositories, with Clone and Open. */
export const HubView = lazy(() => import('./hub-view').then((module) => ({ default: module.HubView })));

/** "Publish a folder": pick a folder, choose the Hub repository, push. */
export const PublishView = lazy(() =>
  import('./publish-view').then((module) => ({ default: module.PublishView })),
);

/**
 * Asks for an access token when an API action needs one (SSH keys cannot call the Hub's API).
 * Lazy, like the screens: the app shell imports this file for HubView, and a static export here
 * would put the dialog (and the Hub's wording) into the first bundle. Render it inside a
 * <Suspense> of your own, so its first load does not blank the screen around it.
 */
export const ApiTokenDialog = lazy(() =>
  import('./api-token-dialog').then((module) => ({ default: module.ApiTokenDialog })),
);
export type { ApiTokenDialogProps } from './api-token-dialog';

/**
 * A Space's runtime stage after a push, asked again until it settles, with links to its page and
 * logs. Lazy for the same reason as ApiTokenDialog; render it inside a <Suspense> of your own.
 */
export const SpaceStatus = lazy(() =>
  import('./space-status').then((module) => ({ default: module.SpaceStatus })),
);
export type { SpaceStatusProps } from './space-status';

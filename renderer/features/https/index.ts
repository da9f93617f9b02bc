import { lazy } from 'react';

// The token (HTTPS) route: what the wizard may use of it. Each step loads when first shown, so
// the first bundle stays small; the store composes the token slice from token-slice.ts itself
// (see store/app-store.ts).

/** "Your access token": paste a token and read what the Hub says it may do. */
export const TokenStep = lazy(() => import('./token-step').then((module) => ({ default: module.TokenStep })));

/** "Save it for Git": where the token will live, and the save itself. */
export const StoreTokenStep = lazy(() =>
  import('./store-token-step').then((module) => ({ default: module.StoreTokenStep })),
);

/** "Use it": clone commands, and a repository check that explains refused pushes. */
export const UseTokenStep = lazy(() =>
  import('./use-token-step').then((module) => ({ default: module.UseTokenStep })),
);

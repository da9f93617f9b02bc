import { lazy } from 'react';

// The repositories screen: what the rest of the app may use of it. The store composes the
// repos slice from repos-slice.ts itself (see store/app-store.ts).

/** "Your repositories", or the open repository; loads when first opened, so the first screen stays small. */
export const ReposView = lazy(() => import('./repos-view').then((module) => ({ default: module.ReposView })));

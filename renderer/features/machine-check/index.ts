import { lazy } from 'react';

// "Check this computer": what other features and the wizard may use of it. The store composes
// the slice from machine-slice.ts itself (see store/app-store.ts).

const loadCheckStep = () => import('./check-step');

/**
 * Starts loading the check step's code without showing it. Every route's second screen is the
 * check, so the Welcome screen asks for it once it is on screen: Continue then finds it loaded,
 * and the first screen does not wait for it.
 */
export function preloadCheckStep(): void {
  void loadCheckStep();
}

/** The check step; loads when first shown, or earlier through preloadCheckStep. */
export const CheckStep = lazy(() => loadCheckStep().then((module) => ({ default: module.CheckStep })));

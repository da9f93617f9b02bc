// "Check this computer": what other features and the wizard may use of it. The store composes
// the slice from machine-slice.ts itself (see store/app-store.ts).

/** The check step; in the first bundle, since every route starts with it. */
export { CheckStep } from './check-step';

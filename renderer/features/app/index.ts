// The app itself: the window's frame, which part shows, and the launch settings. The store
// composes the app-info and view slices from their own files (see store/app-store.ts).

/** The window; main.tsx renders it. */
export { App } from './app';

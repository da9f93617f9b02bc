import { lazy } from 'react';

// Support: what the rest of the app may use of it (main's support feature makes the report).

/** "Copy a report for support", shown in the footer of every screen. */
export { SupportReportButton } from './support-report-button';

/** "Explain an error message" (the header, the repositories screen and Help in the desktop menu). */
export const ExplainScreen = lazy(() =>
  import('./explain-screen').then((module) => ({ default: module.ExplainScreen })),
);
export { onExplainRequested } from './support-service';

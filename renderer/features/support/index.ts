// Support: what the rest of the app may use of it (main's support feature makes the report).

/** "Copy a report for support", shown in the footer of every screen. */
export { SupportReportButton } from './support-report-button';

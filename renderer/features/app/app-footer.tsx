import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/app-store';
import { SupportReportButton } from '../support';

/**
 * Which Hub the app is set up for, out of the way. It says "Hub:", not "Connected to": nothing
 * has connected to anything until the connection test says so.
 */
export function AppFooter() {
  const { info, error } = useAppStore(
    useShallow((state) => ({ info: state.appInfo, error: state.appInfoError })),
  );
  return (
    <footer className="app-footer">
      {info ? (
        <p>
          Hub: {info.hubEndpoint} <span aria-hidden="true">·</span> Version {info.appVersion}
        </p>
      ) : null}
      {error ? <p>The Hub address could not be read: {error.message}</p> : null}
      <SupportReportButton />
    </footer>
  );
}

import { useAppStore } from '../store/app-store';
import { CopyButton } from './copy-button';

/**
 * In browser mode the app's "open" lands in whichever browser the machine running the app has,
 * which may not be the one the person is looking at (a remote machine, another profile): every
 * link the app opens is then also shown as text to copy. The desktop app shows nothing extra.
 */
export function LinkText({ url }: { readonly url: string }) {
  const browser = useAppStore((state) => state.appInfo?.transport === 'browser');
  if (!browser) return null;
  return (
    <span className="link-text">
      {' '}
      <code className="link-text__url">{url}</code>
      <CopyButton text={url} label={`Copy the address ${url}`} />
    </span>
  );
}

import { useAppStore } from '../store/app-store';
import { CopyButton } from './copy-button';

/**
 * In browser mode the app's "open" lands in whichever browser the machine running the app has,
 * which may not be the one the person is looking at (a remote machine, another profile): every
 * link the app opens is then also shown as text to copy. The desktop app shows nothing extra.
 */
export function LinkText({ url, shown = false }: { readonly url: string; readonly shown?: boolean }) {
  const browser = useAppStore((state) => state.appInfo?.transport === 'browser');
  if (!browser) return null;
  // A link whose words are its address already (`shown`) needs only the Copy button.
  return (
    <span className="link-text">
      {' '}
      {shown ? null : <code className="link-text__url">{url}</code>}
      <CopyButton text={url} label={`Copy the address ${url}`} />
    </span>
  );
}

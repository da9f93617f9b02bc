/**
 * Copies text for the user to paste elsewhere. Resolves false instead of throwing, because the
 * clipboard can be refused (no focus, no permission) and the screen then says how to copy by hand.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Reads what the user copied, for the Paste button; null when the clipboard cannot be read. */
export async function readClipboard(): Promise<string | null> {
  try {
    return await navigator.clipboard.readText();
  } catch {
    return null;
  }
}

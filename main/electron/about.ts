// The About panel's contents (app.setAboutPanelOptions), with every version a helper would ask for.

export interface AboutFacts {
  readonly appVersion: string;
  readonly electron?: string;
  readonly chrome?: string;
  readonly node: string;
  readonly platform: NodeJS.Platform;
  readonly arch: string;
}

export function aboutPanelOptions(facts: AboutFacts): {
  applicationName: string;
  applicationVersion: string;
  version: string;
  copyright: string;
  website: string;
  credits: string;
} {
  return {
    applicationName: 'HF Git Desktop',
    applicationVersion: facts.appVersion,
    version: `Electron ${facts.electron ?? '?'} · Chromium ${facts.chrome ?? '?'} · Node ${facts.node}`,
    copyright: 'Copyright © 2026 the HF Git Desktop authors. Apache-2.0.',
    website: 'https://huggingface.co/docs/hub/repositories-getting-started',
    credits: `Git access to the Hugging Face Hub, set up for you. ${facts.platform} ${facts.arch}.`,
  };
}

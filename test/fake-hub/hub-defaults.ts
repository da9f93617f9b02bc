// What a repository the Hub's API creates holds in its first commit.
//  - hub-docs repositories-getting-started.md: "When you use Hugging Face to create a repository,
//    Hugging Face automatically provides a list of common file extensions for common Machine
//    Learning large files in the `.gitattributes` file"; huggingface_hub tests/test_hf_api.py
//    expects a new repository's files to be {".gitattributes"} once the test's own are deleted.
//  - The patterns are the Hub's template as public repositories carry it verbatim (the list
//    public code copies from Hub repositories: "*.7z ... *.safetensors, saved_model/**/* ...
//    *.zst, *tfevents*", found with find_string "*.safetensors filter=lfs diff=lfs merge=lfs
//    -text"); datasets add the audio and image sections. Which exact revision of the template
//    the Hub writes today is unverified: the app must merge whatever .gitattributes it finds.
//  - Spaces also get a README.md whose YAML front matter the Space is configured by (hub-docs
//    spaces-config-reference.md: title, emoji, colorFrom, colorTo, sdk, app_file, pinned; the
//    body line is the one Hub-made Space READMEs carry).
import type { SpaceSdk } from './api-store';

const lfs = (pattern: string): string => `${pattern} filter=lfs diff=lfs merge=lfs -text`;

const MODEL_PATTERNS = [
  '*.7z',
  '*.arrow',
  '*.bin',
  '*.bz2',
  '*.ckpt',
  '*.ftz',
  '*.gz',
  '*.h5',
  '*.joblib',
  '*.lfs.*',
  '*.mlmodel',
  '*.model',
  '*.msgpack',
  '*.npy',
  '*.npz',
  '*.onnx',
  '*.ot',
  '*.parquet',
  '*.pb',
  '*.pickle',
  '*.pkl',
  '*.pt',
  '*.pth',
  '*.rar',
  '*.safetensors',
  'saved_model/**/*',
  '*.tar.*',
  '*.tar',
  '*.tflite',
  '*.tgz',
  '*.wasm',
  '*.xz',
  '*.zip',
  '*.zst',
  '*tfevents*',
];

const DATASET_SECTIONS = [
  '# Audio files - uncompressed',
  ...['*.pcm', '*.sam', '*.raw'].map(lfs),
  '# Audio files - compressed',
  ...['*.aac', '*.flac', '*.mp3', '*.ogg', '*.wav'].map(lfs),
  '# Image files - uncompressed',
  ...['*.bmp', '*.gif', '*.png', '*.tiff'].map(lfs),
  '# Image files - compressed',
  ...['*.jpg', '*.jpeg', '*.webp'].map(lfs),
];

/** Why: the Hub's default .gitattributes for a new repository of this type. */
export function defaultGitattributes(type: 'model' | 'dataset' | 'space'): string {
  const lines = [...MODEL_PATTERNS.map(lfs), ...(type === 'dataset' ? DATASET_SECTIONS : [])];
  return `${lines.join('\n')}\n`;
}

/** Why: the app file each SDK runs when the README names none (hub-docs spaces-config-reference.md). */
export function defaultAppFile(sdk: SpaceSdk): string {
  switch (sdk) {
    case 'gradio':
    case 'streamlit':
      return 'app.py';
    case 'static':
      return 'index.html';
    case 'docker':
      return 'Dockerfile';
  }
}

/** Why: the README.md a new Space starts with (hub-docs spaces-config-reference.md's keys). */
export function spaceReadme(name: string, sdk: SpaceSdk): string {
  return [
    '---',
    `title: ${name}`,
    'emoji: 🚀',
    'colorFrom: blue',
    'colorTo: purple',
    `sdk: ${sdk}`,
    // A docker Space runs its Dockerfile; app_file names the others' entry point.
    ...(sdk === 'docker' ? [] : [`app_file: ${defaultAppFile(sdk)}`]),
    'pinned: false',
    '---',
    '',
    'Check out the configuration reference at https://huggingface.co/docs/hub/spaces-config-reference',
    '',
  ].join('\n');
}

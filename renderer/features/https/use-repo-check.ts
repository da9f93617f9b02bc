import { useState } from 'react';
import type { AppError, PushCheck, RepoCheck } from '../../../preload/contract';
import { checkRepo, cleanRemote, tryPush } from './https-service';

/**
 * The "Check a repository" part of the Use it step: the checked repository, a push's outcome and
 * the error, local to the step (nothing else reads them), with one busy flag over every call.
 */
export function useRepoCheck() {
  const [repo, setRepo] = useState<RepoCheck | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [push, setPush] = useState<PushCheck | null>(null);

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };

  const check = (path: string) =>
    void act(async () => {
      setPush(null);
      const result = await checkRepo(path);
      setRepo(result.ok ? result.value : null);
      setError(result.ok ? null : result.error);
    });

  const clean = (remote: string) =>
    void act(async () => {
      if (!repo) return;
      const result = await cleanRemote(repo.path, remote);
      if (result.ok) setRepo(result.value);
      setError(result.ok ? null : result.error);
    });

  const runPush = (remote: string, dryRun: boolean) =>
    void act(async () => {
      if (!repo) return;
      setPush(null);
      const result = await tryPush(repo.path, remote, dryRun);
      setPush(result.ok ? result.value : null);
      setError(result.ok ? null : result.error);
    });

  return { repo, error, busy, push, check, clean, runPush } as const;
}

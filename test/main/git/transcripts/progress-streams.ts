// Progress as git 2.39 and git-lfs 3.3 printed it here, recorded against the fake hub over HTTP
// (test/fake-hub): a push and then a clone of one commit holding README.md, 30 text files of
// 27 kB, small.bin (300,000 bytes) and big.bin (20 MiB) in LFS. git's stderr is kept whole, as
// chunks arrived joined; git-lfs's GIT_LFS_PROGRESS lines are every 16th plus each file's last.
// The order is the run's: a push uploads the large files first (git-lfs's pre-push hook), then
// git writes the pack; a clone receives the pack, then git-lfs downloads during the checkout.

/** Why: the push's stderr, as git wrote it (\r between updates). */
export const PUSH_GIT =
  'Enumerating objects: 36, done.\nCounting objects:   2% (1/36)\rCounting objects:   5% (2/36)\rCounting objects:   8% (3/36)\rCounting objects:  11% (4/36)\rCounting objects:  13% (5/36)\rCounting objects:  16% (6/36)\rCounting objects:  19% (7/36)\rCounting objects:  22% (8/36)\rCounting objects:  25% (9/36)\rCounting objects:  27% (10/36)\rCounting objects:  30% (11/36)\rCounting objects:  33% (12/36)\rCounting objects:  36% (13/36)\rCounting objects:  38% (14/36)\rCounting objects:  41% (15/36)\rCounting objects:  44% (16/36)\rCounting objects:  47% (17/36)\rCounting objects:  50% (18/36)\rCounting objects:  52% (19/36)\rCounting objects:  55% (20/36)\rCounting objects:  58% (21/36)\rCounting objects:  61% (22/36)\rCounting objects:  63% (23/36)\rCounting objects:  66% (24/36)\rCounting objects:  69% (25/36)\rCounting objects:  72% (26/36)\rCounting objects:  75% (27/36)\rCounting objects:  77% (28/36)\rCounting objects:  80% (29/36)\rCounting objects:  83% (30/36)\rCounting objects:  86% (31/36)\rCounting objects:  88% (32/36)\rCounting objects:  91% (33/36)\rCounting objects:  94% (34/36)\rCounting objects:  97% (35/36)\rCounting objects: 100% (36/36)\rCounting objects: 100% (36/36), done.\nDelta compression using up to 2 threads\nCompressing objects:   2% (1/34)\rCompressing objects:   5% (2/34)\rCompressing objects:   8% (3/34)\rCompressing objects:  11% (4/34)\rCompressing objects:  14% (5/34)\rCompressing objects:  17% (6/34)\rCompressing objects:  20% (7/34)\rCompressing objects:  23% (8/34)\rCompressing objects:  26% (9/34)\rCompressing objects:  29% (10/34)\rCompressing objects:  32% (11/34)\rCompressing objects:  35% (12/34)\rCompressing objects:  38% (13/34)\rCompressing objects:  41% (14/34)\rCompressing objects:  44% (15/34)\rCompressing objects:  47% (16/34)\rCompressing objects:  50% (17/34)\rCompressing objects:  52% (18/34)\rCompressing objects:  55% (19/34)\rCompressing objects:  58% (20/34)\rCompressing objects:  61% (21/34)\rCompressing objects:  64% (22/34)\rCompressing objects:  67% (23/34)\rCompressing objects:  70% (24/34)\rCompressing objects:  73% (25/34)\rCompressing objects:  76% (26/34)\rCompressing objects:  79% (27/34)\rCompressing objects:  82% (28/34)\rCompressing objects:  85% (29/34)\rCompressing objects:  88% (30/34)\rCompressing objects:  91% (31/34)\rCompressing objects:  94% (32/34)\rCompressing objects:  97% (33/34)\rCompressing objects: 100% (34/34)\rCompressing objects: 100% (34/34), done.\nWriting objects:   2% (1/36)\rWriting objects:   5% (2/36)\rWriting objects:   8% (3/36)\rWriting objects:  11% (4/36)\rWriting objects:  13% (5/36)\rWriting objects:  16% (6/36)\rWriting objects:  19% (7/36)\rWriting objects:  22% (8/36)\rWriting objects:  25% (9/36)\rWriting objects:  27% (10/36)\rWriting objects:  30% (11/36)\rWriting objects:  33% (12/36)\rWriting objects:  36% (13/36)\rWriting objects:  38% (14/36)\rWriting objects:  41% (15/36)\rWriting objects:  44% (16/36)\rWriting objects:  47% (17/36)\rWriting objects:  50% (18/36)\rWriting objects:  52% (19/36)\rWriting objects:  55% (20/36)\rWriting objects:  58% (21/36)\rWriting objects:  61% (22/36)\rWriting objects:  63% (23/36)\rWriting objects:  66% (24/36)\rWriting objects:  69% (25/36)\rWriting objects:  72% (26/36)\rWriting objects:  75% (27/36)\rWriting objects:  77% (28/36)\rWriting objects:  80% (29/36)\rWriting objects:  83% (30/36)\rWriting objects:  86% (31/36)\rWriting objects:  88% (32/36)\rWriting objects:  91% (33/36)\rWriting objects:  94% (34/36)\rWriting objects:  97% (35/36)\rWriting objects: 100% (36/36)\rWriting objects: 100% (36/36), 593.38 KiB | 25.80 MiB/s, done.\nTotal 36 (delta 0), reused 0 (delta 0), pack-reused 0\nTo http://127.0.0.1:45259/alice/m\n * [new branch]      HEAD -> main\n';

/** Why: the push's GIT_LFS_PROGRESS lines (sampled). */
export const PUSH_LFS: readonly string[] = [
  'upload 1/2 32768/20971520 big.bin',
  'upload 2/2 262144/300000 small.bin',
  'upload 2/2 300000/300000 small.bin',
  'upload 1/2 753664/20971520 big.bin',
  'upload 1/2 1277952/20971520 big.bin',
  'upload 1/2 1802240/20971520 big.bin',
  'upload 1/2 2326528/20971520 big.bin',
  'upload 1/2 2850816/20971520 big.bin',
  'upload 1/2 3375104/20971520 big.bin',
  'upload 1/2 3899392/20971520 big.bin',
  'upload 1/2 4423680/20971520 big.bin',
  'upload 1/2 4947968/20971520 big.bin',
  'upload 1/2 5472256/20971520 big.bin',
  'upload 1/2 5996544/20971520 big.bin',
  'upload 1/2 6520832/20971520 big.bin',
  'upload 1/2 7045120/20971520 big.bin',
  'upload 1/2 7569408/20971520 big.bin',
  'upload 1/2 8093696/20971520 big.bin',
  'upload 1/2 8617984/20971520 big.bin',
  'upload 1/2 9142272/20971520 big.bin',
  'upload 1/2 9666560/20971520 big.bin',
  'upload 1/2 10190848/20971520 big.bin',
  'upload 1/2 10715136/20971520 big.bin',
  'upload 1/2 11239424/20971520 big.bin',
  'upload 1/2 11763712/20971520 big.bin',
  'upload 1/2 12288000/20971520 big.bin',
  'upload 1/2 12812288/20971520 big.bin',
  'upload 1/2 13336576/20971520 big.bin',
  'upload 1/2 13860864/20971520 big.bin',
  'upload 1/2 14385152/20971520 big.bin',
  'upload 1/2 14909440/20971520 big.bin',
  'upload 1/2 15433728/20971520 big.bin',
  'upload 1/2 15958016/20971520 big.bin',
  'upload 1/2 16482304/20971520 big.bin',
  'upload 1/2 17006592/20971520 big.bin',
  'upload 1/2 17530880/20971520 big.bin',
  'upload 1/2 18055168/20971520 big.bin',
  'upload 1/2 18579456/20971520 big.bin',
  'upload 1/2 19103744/20971520 big.bin',
  'upload 1/2 19628032/20971520 big.bin',
  'upload 1/2 20152320/20971520 big.bin',
  'upload 1/2 20676608/20971520 big.bin',
  'upload 1/2 20971520/20971520 big.bin',
];

/** Why: the clone's stderr, as git wrote it (\r between updates). */
export const CLONE_GIT =
  "Cloning into '/tmp/rec-1Aw249/c'...\nremote: Enumerating objects: 36, done.        \nremote: Counting objects:   2% (1/36)        \rremote: Counting objects:   5% (2/36)        \rremote: Counting objects:   8% (3/36)        \rremote: Counting objects:  11% (4/36)        \rremote: Counting objects:  13% (5/36)        \rremote: Counting objects:  16% (6/36)        \rremote: Counting objects:  19% (7/36)        \rremote: Counting objects:  22% (8/36)        \rremote: Counting objects:  25% (9/36)        \rremote: Counting objects:  27% (10/36)        \rremote: Counting objects:  30% (11/36)        \rremote: Counting objects:  33% (12/36)        \rremote: Counting objects:  36% (13/36)        \rremote: Counting objects:  38% (14/36)        \rremote: Counting objects:  41% (15/36)        \rremote: Counting objects:  44% (16/36)        \rremote: Counting objects:  47% (17/36)        \rremote: Counting objects:  50% (18/36)        \rremote: Counting objects:  52% (19/36)        \rremote: Counting objects:  55% (20/36)        \rremote: Counting objects:  58% (21/36)        \rremote: Counting objects:  61% (22/36)        \rremote: Counting objects:  63% (23/36)        \rremote: Counting objects:  66% (24/36)        \rremote: Counting objects:  69% (25/36)        \rremote: Counting objects:  72% (26/36)        \rremote: Counting objects:  75% (27/36)        \rremote: Counting objects:  77% (28/36)        \rremote: Counting objects:  80% (29/36)        \rremote: Counting objects:  83% (30/36)        \rremote: Counting objects:  86% (31/36)        \rremote: Counting objects:  88% (32/36)        \rremote: Counting objects:  91% (33/36)        \rremote: Counting objects:  94% (34/36)        \rremote: Counting objects:  97% (35/36)        \rremote: Counting objects: 100% (36/36)        \rremote: Counting objects: 100% (36/36), done.        \nremote: Compressing objects:   2% (1/34)        \rremote: Compressing objects:   5% (2/34)        \rremote: Compressing objects:   8% (3/34)        \rremote: Compressing objects:  11% (4/34)        \rremote: Compressing objects:  14% (5/34)        \rremote: Compressing objects:  17% (6/34)        \rremote: Compressing objects:  20% (7/34)        \rremote: Compressing objects:  23% (8/34)        \rremote: Compressing objects:  26% (9/34)        \rremote: Compressing objects:  29% (10/34)        \rremote: Compressing objects:  32% (11/34)        \rremote: Compressing objects:  35% (12/34)        \rremote: Compressing objects:  38% (13/34)        \rremote: Compressing objects:  41% (14/34)        \rremote: Compressing objects:  44% (15/34)        \rremote: Compressing objects:  47% (16/34)        \rremote: Compressing objects:  50% (17/34)        \rremote: Compressing objects:  52% (18/34)        \rremote: Compressing objects:  55% (19/34)        \rremote: Compressing objects:  58% (20/34)        \rremote: Compressing objects:  61% (21/34)        \rremote: Compressing objects:  64% (22/34)        \rremote: Compressing objects:  67% (23/34)        \rremote: Compressing objects:  70% (24/34)        \rremote: Compressing objects:  73% (25/34)        \rremote: Compressing objects:  76% (26/34)        \rremote: Compressing objects:  79% (27/34)        \rremote: Compressing objects:  82% (28/34)        \rremote: Compressing objects:  85% (29/34)        \rremote: Compressing objects:  88% (30/34)        \rremote: Compressing objects:  91% (31/34)        \rremote: Compressing objects:  94% (32/34)        \rremote: Compressing objects:  97% (33/34)        \rremote: Compressing objects: 100% (34/34)        \rremote: Compressing objects: 100% (34/34), done.        \nReceiving objects:   2% (1/36)\rReceiving objects:   5% (2/36)\rReceiving objects:   8% (3/36)\rReceiving objects:  11% (4/36)\rReceiving objects:  13% (5/36)\rReceiving objects:  16% (6/36)\rReceiving objects:  19% (7/36)\rReceiving objects:  22% (8/36)\rReceiving objects:  25% (9/36)\rReceiving objects:  27% (10/36)\rReceiving objects:  30% (11/36)\rReceiving objects:  33% (12/36)\rReceiving objects:  36% (13/36)\rReceiving objects:  38% (14/36)\rReceiving objects:  41% (15/36)\rReceiving objects:  44% (16/36)\rReceiving objects:  47% (17/36)\rReceiving objects:  50% (18/36)\rReceiving objects:  52% (19/36)\rReceiving objects:  55% (20/36)\rReceiving objects:  58% (21/36)\rReceiving objects:  61% (22/36)\rReceiving objects:  63% (23/36)\rReceiving objects:  66% (24/36)\rReceiving objects:  69% (25/36)\rReceiving objects:  72% (26/36)\rReceiving objects:  75% (27/36)\rReceiving objects:  77% (28/36)\rReceiving objects:  80% (29/36)\rReceiving objects:  83% (30/36)\rReceiving objects:  86% (31/36)\rReceiving objects:  88% (32/36)\rReceiving objects:  91% (33/36)\rReceiving objects:  94% (34/36)\rremote: Total 36 (delta 0), reused 0 (delta 0), pack-reused 0        \nReceiving objects:  97% (35/36)\rReceiving objects: 100% (36/36)\rReceiving objects: 100% (36/36), 593.38 KiB | 25.80 MiB/s, done.\n";

/** Why: the clone's GIT_LFS_PROGRESS lines (sampled). */
export const CLONE_LFS: readonly string[] = [
  'download 1/1 32768/300000 small.bin',
  'download 1/1 300000/300000 small.bin',
  'download 1/1 229376/20971520 big.bin',
  'download 1/1 753664/20971520 big.bin',
  'download 1/1 1277952/20971520 big.bin',
  'download 1/1 1802240/20971520 big.bin',
  'download 1/1 2326528/20971520 big.bin',
  'download 1/1 2850816/20971520 big.bin',
  'download 1/1 3375104/20971520 big.bin',
  'download 1/1 3899392/20971520 big.bin',
  'download 1/1 4423680/20971520 big.bin',
  'download 1/1 4947968/20971520 big.bin',
  'download 1/1 5472256/20971520 big.bin',
  'download 1/1 5996544/20971520 big.bin',
  'download 1/1 6520832/20971520 big.bin',
  'download 1/1 7045120/20971520 big.bin',
  'download 1/1 7569408/20971520 big.bin',
  'download 1/1 8093696/20971520 big.bin',
  'download 1/1 8617984/20971520 big.bin',
  'download 1/1 9142272/20971520 big.bin',
  'download 1/1 9666560/20971520 big.bin',
  'download 1/1 10190848/20971520 big.bin',
  'download 1/1 10715136/20971520 big.bin',
  'download 1/1 11239424/20971520 big.bin',
  'download 1/1 11763712/20971520 big.bin',
  'download 1/1 12288000/20971520 big.bin',
  'download 1/1 12812288/20971520 big.bin',
  'download 1/1 13336576/20971520 big.bin',
  'download 1/1 13860864/20971520 big.bin',
  'download 1/1 14385152/20971520 big.bin',
  'download 1/1 14909440/20971520 big.bin',
  'download 1/1 15433728/20971520 big.bin',
  'download 1/1 15958016/20971520 big.bin',
  'download 1/1 16482304/20971520 big.bin',
  'download 1/1 17006592/20971520 big.bin',
  'download 1/1 17530880/20971520 big.bin',
  'download 1/1 18055168/20971520 big.bin',
  'download 1/1 18579456/20971520 big.bin',
  'download 1/1 19103744/20971520 big.bin',
  'download 1/1 19628032/20971520 big.bin',
  'download 1/1 20152320/20971520 big.bin',
  'download 1/1 20676608/20971520 big.bin',
  'download 1/1 20971520/20971520 big.bin',
];

/**
 * Why: a clone of a 9 MiB pack (12 text files, no LFS) from the fake hub slowed to a tenth of its
 * speed (test/main/git/faults/hub-child.ts throttle), so git names the pack's bytes as they come.
 */
export const SLOW_CLONE_GIT =
  "Cloning into '/tmp/rec2-9B9WsP/c'...\nremote: Enumerating objects: 14, done.        \nremote: Counting objects:   7% (1/14)        \nremote: Counting objects:  14% (2/14)        \nremote: Counting objects:  21% (3/14)        \nremote: Counting objects:  28% (4/14)        \nremote: Counting objects:  35% (5/14)        \nremote: Counting objects:  42% (6/14)        \nremote: Counting objects:  50% (7/14)        \nremote: Counting objects:  57% (8/14)        \nremote: Counting objects:  64% (9/14)        \nremote: Counting objects:  71% (10/14)        \nremote: Counting objects:  78% (11/14)        \nremote: Counting objects:  85% (12/14)        \nremote: Counting objects:  92% (13/14)        \nremote: Counting objects: 100% (14/14)        \nremote: Counting objects: 100% (14/14), done.        \nremote: Compressing objects:   7% (1/14)        \nremote: Compressing objects:  14% (2/14)        \nremote: Compressing objects:  21% (3/14)        \nremote: Compressing objects:  28% (4/14)        \nremote: Compressing objects:  35% (5/14)        \nremote: Compressing objects:  42% (6/14)        \nremote: Compressing objects:  50% (7/14)        \nremote: Compressing objects:  57% (8/14)        \nremote: Compressing objects:  64% (9/14)        \nremote: Compressing objects:  71% (10/14)        \nremote: Compressing objects:  78% (11/14)        \nremote: Compressing objects:  85% (12/14)        \nremote: Compressing objects:  92% (13/14)        \nremote: Compressing objects: 100% (14/14)        \nremote: Compressing objects: 100% (14/14), done.        \nReceiving objects:   7% (1/14)\nReceiving objects:  14% (2/14)\nReceiving objects:  21% (3/14)\nReceiving objects:  28% (4/14)\nReceiving objects:  35% (5/14)\nReceiving objects:  42% (6/14), 2.02 MiB | 3.70 MiB/s\nReceiving objects:  50% (7/14), 2.02 MiB | 3.70 MiB/s\nReceiving objects:  57% (8/14), 2.02 MiB | 3.70 MiB/s\nReceiving objects:  64% (9/14), 2.02 MiB | 3.70 MiB/s\nReceiving objects:  71% (10/14), 2.02 MiB | 3.70 MiB/s\nReceiving objects:  71% (10/14), 4.54 MiB | 4.14 MiB/s\nReceiving objects:  78% (11/14), 4.54 MiB | 4.14 MiB/s\nReceiving objects:  85% (12/14), 4.54 MiB | 4.14 MiB/s\nReceiving objects:  92% (13/14), 4.54 MiB | 4.14 MiB/s\nremote: Total 14 (delta 0), reused 0 (delta 0), pack-reused 0        \nReceiving objects: 100% (14/14), 4.54 MiB | 4.14 MiB/s\nReceiving objects: 100% (14/14), 6.06 MiB | 4.59 MiB/s, done.\n";

import { simpleGit, GitPluginError } from 'simple-git';
const env = { PATH: '/tmp/mc-exp/slow', HOME: '/tmp/mc-exp/home', LC_ALL: 'C' };
const git = simpleGit({ baseDir: '/tmp/mc-exp/home', timeout: { block: 1000 } }).env(env);
const t = Date.now();
try { console.log('version', await git.version()); } catch (e) { console.log('verr', e instanceof GitPluginError, (e as any).plugin, String(e), Date.now()-t); }
const ac = new AbortController(); setTimeout(()=>ac.abort(), 300);
const g2 = simpleGit({ baseDir: '/tmp/mc-exp/home', abort: ac.signal }).env(env);
try { console.log('version', await g2.version()); } catch (e) { console.log('aerr', e instanceof GitPluginError, (e as any).plugin, String(e), Date.now()-t); }

import type {
  Bridge,
  EventName,
  Events,
  OperationName,
  RequestOf,
  Result,
  ResultOf,
  Unsubscribe,
} from './contract';

/** Sends one operation over a transport and resolves with its result. */
export type Invoke = <K extends OperationName>(
  operation: K,
  request: RequestOf<K>,
) => Promise<Result<ResultOf<K>>>;

/** Listens to one event stream over a transport. */
export type Subscribe = <E extends EventName>(
  event: E,
  listener: (payload: Events[E]) => void,
) => Unsubscribe;

/**
 * The bridge object, one method per operation, built over any transport: the preload's
 * ipcRenderer and browser mode's WebSocket share this list, so they cannot drift apart, and
 * typing it as Bridge makes a missing operation a compile error. No imports but types: it is
 * safe in the sandboxed preload and in the page alike.
 */
export function makeBridge(invoke: Invoke, subscribe: Subscribe): Bridge {
  return {
    getAppInfo: (request) => invoke('getAppInfo', request),
    checkMachine: (request) => invoke('checkMachine', request),
    openExternal: (request) => invoke('openExternal', request),
    loadProgress: (request) => invoke('loadProgress', request),
    saveProgress: (request) => invoke('saveProgress', request),
    listKeys: (request) => invoke('listKeys', request),
    generateKey: (request) => invoke('generateKey', request),
    addKeyToAgent: (request) => invoke('addKeyToAgent', request),
    checkHostKeys: (request) => invoke('checkHostKeys', request),
    pinHostKeys: (request) => invoke('pinHostKeys', request),
    configureSsh: (request) => invoke('configureSsh', request),
    testConnection: (request) => invoke('testConnection', request),
    cancelConnectionTest: (request) => invoke('cancelConnectionTest', request),
    checkToken: (request) => invoke('checkToken', request),
    credentialSetup: (request) => invoke('credentialSetup', request),
    storeToken: (request) => invoke('storeToken', request),
    forgetToken: (request) => invoke('forgetToken', request),
    checkRepo: (request) => invoke('checkRepo', request),
    cleanRemote: (request) => invoke('cleanRemote', request),
    tryPush: (request) => invoke('tryPush', request),
    supportReport: (request) => invoke('supportReport', request),
    explainError: (request) => invoke('explainError', request),
    removeStaleLock: (request) => invoke('removeStaleLock', request),
    repoAccess: (request) => invoke('repoAccess', request),
    parseRepo: (request) => invoke('parseRepo', request),
    cloneRepo: (request) => invoke('cloneRepo', request),
    cancelRepoRun: (request) => invoke('cancelRepoRun', request),
    repoState: (request) => invoke('repoState', request),
    unstageFiles: (request) => invoke('unstageFiles', request),
    storeWithLfs: (request) => invoke('storeWithLfs', request),
    resolveConflict: (request) => invoke('resolveConflict', request),
    abortOperation: (request) => invoke('abortOperation', request),
    switchBranch: (request) => invoke('switchBranch', request),
    createBranch: (request) => invoke('createBranch', request),
    listBranches: (request) => invoke('listBranches', request),
    discardChanges: (request) => invoke('discardChanges', request),
    restoreDiscarded: (request) => invoke('restoreDiscarded', request),
    recoveryList: (request) => invoke('recoveryList', request),
    applyStash: (request) => invoke('applyStash', request),
    restoreBackup: (request) => invoke('restoreBackup', request),
    undoCommit: (request) => invoke('undoCommit', request),
    revertCommit: (request) => invoke('revertCommit', request),
    commitHistory: (request) => invoke('commitHistory', request),
    commitFiles: (request) => invoke('commitFiles', request),
    fileDiff: (request) => invoke('fileDiff', request),
    fetchRepo: (request) => invoke('fetchRepo', request),
    cancelFetch: (request) => invoke('cancelFetch', request),
    watchRepo: (request) => invoke('watchRepo', request),
    unwatchRepo: (request) => invoke('unwatchRepo', request),
    openPath: (request) => invoke('openPath', request),
    stageFiles: (request) => invoke('stageFiles', request),
    commitChanges: (request) => invoke('commitChanges', request),
    setIdentity: (request) => invoke('setIdentity', request),
    pushRepo: (request) => invoke('pushRepo', request),
    pullRepo: (request) => invoke('pullRepo', request),
    lfsPull: (request) => invoke('lfsPull', request),
    installLfs: (request) => invoke('installLfs', request),
    trackLfs: (request) => invoke('trackLfs', request),
    migrateLfs: (request) => invoke('migrateLfs', request),
    forkRepo: (request) => invoke('forkRepo', request),
    recentRepos: (request) => invoke('recentRepos', request),
    pickFolder: (request) => invoke('pickFolder', request),
    onMachineCheckItem: (listener) => subscribe('machineCheckItem', listener),
    onSshTestOutput: (listener) => subscribe('sshTestOutput', listener),
    onRepoProgress: (listener) => subscribe('repoProgress', listener),
    onShowView: (listener) => subscribe('showView', listener),
    onRepoChanged: (listener) => subscribe('repoChanged', listener),
  };
}

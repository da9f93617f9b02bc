// Publishing a folder: make it a repository if needed, create or pick the Hub repository, connect, push.
export { cancelPublishRun, publishHandlers } from './handlers';
export { inspectFolder } from './inspect';

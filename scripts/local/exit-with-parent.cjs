// Preloaded (node --require) into the children `npm start` runs with an IPC channel (Azurite,
// the Agents Playground). The channel closes when the parent is gone, even after SIGKILL: then
// the child stops too, so nothing outlives `npm start` (issue 8 item 4). Azurite closes
// gracefully on SIGINT (it flushes its data files); anything else exits after 5 s at the latest.
'use strict';
process.once('disconnect', () => {
  setTimeout(() => process.exit(0), 5000).unref();
  if (process.listenerCount('SIGINT') > 0) process.kill(process.pid, 'SIGINT');
  else process.exit(0);
});

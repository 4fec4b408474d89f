// Preloaded (NODE_OPTIONS=--require) into the Agents Playground, whose server calls
// `listen(port, callback)` with no host and so listens on every interface, and has no host
// option (platform notes §8). A listen without a host gets 127.0.0.1 (issue 8 item 4).
'use strict';
const net = require('node:net');
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function loopbackListen(...args) {
  const [first] = args;
  const numeric = typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first));
  if (numeric && typeof args[1] !== 'string') {
    const callback = args.find((a) => typeof a === 'function');
    const backlog = typeof args[1] === 'number' ? args[1] : undefined;
    const options = { port: Number(first), host: '127.0.0.1' };
    if (backlog !== undefined) options.backlog = backlog;
    return callback === undefined
      ? listen.call(this, options)
      : listen.call(this, options, callback);
  }
  if (
    typeof first === 'object' &&
    first !== null &&
    !('path' in first) &&
    first.host === undefined
  ) {
    return listen.call(this, { ...first, host: '127.0.0.1' }, ...args.slice(1));
  }
  if (first === undefined || typeof first === 'function') {
    return listen.call(this, { port: 0, host: '127.0.0.1' }, ...args);
  }
  return listen.apply(this, args);
};

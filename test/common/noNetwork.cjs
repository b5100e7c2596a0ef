// Preloaded (`node -r`) into the language server or the command line by the "quiet and local"
// tests: every way Node offers to reach the network reports itself on stderr and fails. The LSP
// transport (stdio pipes, or the IPC channel VS Code uses) does not go through any of these.
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload, loaded by `node -r` */
'use strict';
const deny = (what) =>
  function denied() {
    process.stderr.write(`NETWORK-ATTEMPT ${what}\n`);
    throw new Error(`network use denied in this test: ${what}`);
  };
const net = require('node:net');
net.Socket.prototype.connect = deny('net.Socket#connect');
net.Server.prototype.listen = deny('net.Server#listen');
const dns = require('node:dns');
for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) dns[name] = deny(`dns.${name}`);
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6']) dns.promises[name] = deny(`dns.promises.${name}`);
require('node:dgram').createSocket = deny('dgram.createSocket');
for (const module of ['node:http', 'node:https', 'node:http2']) {
  const loaded = require(module);
  for (const name of ['request', 'get', 'connect']) if (typeof loaded[name] === 'function') loaded[name] = deny(`${module}.${name}`);
}
if (typeof globalThis.fetch === 'function') globalThis.fetch = deny('fetch');
if (typeof globalThis.WebSocket === 'function') globalThis.WebSocket = deny('WebSocket');

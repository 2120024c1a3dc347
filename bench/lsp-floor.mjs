/**
 * The floor of a cold start: a Node process that loads nothing and answers `initialize` (and
 * `shutdown`) over stdio at once. Spawn to its `initialize` result is what Node itself costs.
 */
let buffer = Buffer.alloc(0);
const answer = (id, result) => {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', id, result }), 'utf8');
  process.stdout.write(`Content-Length: ${body.length}\r\n\r\n`);
  process.stdout.write(body);
};
process.stdin.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const end = buffer.indexOf('\r\n\r\n');
    if (end < 0) return;
    const length = Number(/Content-Length:\s*(\d+)/i.exec(buffer.subarray(0, end).toString('ascii'))?.[1] ?? 0);
    if (buffer.length < end + 4 + length) return;
    const message = JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString('utf8'));
    buffer = buffer.subarray(end + 4 + length);
    if (message.method === 'initialize') answer(message.id, { capabilities: {}, serverInfo: { name: 'floor' } });
    else if (message.method === 'shutdown') answer(message.id, null);
    else if (message.method === 'exit') process.exit(0);
    else if (message.id !== undefined && message.method !== undefined) answer(message.id, null);
  }
});

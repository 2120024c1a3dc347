/**
 * A TCP relay in front of the test control plane, on a port of its own that survives a restart:
 * `stop()` closes the listening socket and cuts every open connection (a control plane that went
 * away: new connections are refused), `start()` listens on the same port again (it came back).
 * TLS passes through untouched, so an HTTPS control plane stays HTTPS.
 */
import * as net from 'node:net';

export interface TcpProxy {
  /** `http://127.0.0.1:PORT` or `https://...`, as the control plane behind it. */
  url: string;
  port: number;
  /** Whether the relay accepts connections now. */
  readonly running: boolean;
  /** Refuses new connections and cuts the open ones. Resolves once the port is closed. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
}

export async function startTcpProxy(targetUrl: string): Promise<TcpProxy> {
  const target = new URL(targetUrl);
  const targetPort = Number(target.port);
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;

  const relay = (client: net.Socket): void => {
    const upstream = net.connect(targetPort, target.hostname);
    sockets.add(client);
    sockets.add(upstream);
    const drop = (): void => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', drop);
    upstream.on('error', drop);
    client.on('close', drop);
    upstream.on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  };

  const listen = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const next = net.createServer(relay);
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => {
        next.off('error', reject);
        port = (next.address() as net.AddressInfo).port;
        server = next;
        resolve();
      });
    });

  await listen();
  const proxy: TcpProxy = {
    url: `${target.protocol}//127.0.0.1:${port}${target.pathname.replace(/\/+$/, '')}`,
    port,
    get running() {
      return server !== null;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        const current = server;
        server = null;
        for (const socket of sockets) socket.destroy();
        sockets.clear();
        if (current === null) return resolve();
        current.close(() => resolve());
      }),
    start: async () => {
      if (server === null) await listen();
    },
  };
  return proxy;
}

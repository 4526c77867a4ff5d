import { createServer, type Socket } from 'node:net';

/** A TCP server on a free loopback port that accepts connections and never answers. */
export interface HungServer {
  port: number;
  url(scheme: string): string;
  /** Destroys the accepted sockets and frees the port. */
  close(): Promise<void>;
}

/** Starts a {@link HungServer}: a dependency that is "up" but hangs, the case timeouts exist for. */
export async function startHungServer(): Promise<HungServer> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('The hung server has no port');
  return {
    port: address.port,
    url: (scheme) => `${scheme}://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

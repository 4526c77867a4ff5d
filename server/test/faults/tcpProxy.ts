import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy the fault tests put between the server and a dependency (Postgres, Redis), so they
 * can take the dependency away without touching the shared one: {@link TcpProxy.cut} destroys
 * every connection and stops listening (new connections are refused, as by a stopped server);
 * {@link TcpProxy.restore} listens again on the same port.
 */
export interface TcpProxy {
  /** The loopback port clients connect to. */
  port: number;
  /** Open client connections right now. */
  readonly connections: number;
  /** Destroys the current connections and refuses new ones until {@link TcpProxy.restore}. */
  cut(): Promise<void>;
  /** Accepts connections again (same port). */
  restore(): Promise<void>;
  /** Cuts and frees the port. Idempotent. */
  close(): Promise<void>;
}

/** Starts a {@link TcpProxy} on a free loopback port, forwarding to `target`. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // A cut resets the sockets on purpose; their errors are expected.
    socket.on('error', () => {});
  };
  const onConnection = (client: Socket) => {
    const upstream = connect(target.port, target.host);
    track(client);
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  };

  let server: Server | undefined;
  const listen = (port: number) =>
    new Promise<Server>((resolve, reject) => {
      const next = createServer(onConnection);
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => resolve(next));
    });
  const stopListening = async () => {
    const current = server;
    server = undefined;
    for (const socket of sockets) socket.destroy();
    if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
  };

  server = await listen(0);
  const port = (server.address() as { port: number }).port;
  return {
    port,
    get connections() {
      return sockets.size / 2;
    },
    cut: stopListening,
    async restore() {
      if (!server) server = await listen(port);
    },
    close: stopListening,
  };
}

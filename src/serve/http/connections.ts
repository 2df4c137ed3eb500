import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Counts the requests in flight on each connection, so shutdown can drop the
 * idle ones at once (browsers and fetch clients open spare connections that
 * never carry a request) and each busy one as soon as its answer is sent.
 */
export function trackConnections(server: Server): { closeIdle(): void } {
  const inFlight = new Map<Socket, number>();
  let isClosing = false;

  server.on('connection', (socket) => {
    inFlight.set(socket, 0);
    socket.on('close', () => inFlight.delete(socket));
  });
  server.on('request', (req, res) => {
    const socket = req.socket;
    inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1);
    res.on('close', () => {
      const left = (inFlight.get(socket) ?? 1) - 1;
      inFlight.set(socket, left);
      if (isClosing && left === 0) socket.destroy();
    });
  });

  return {
    closeIdle() {
      isClosing = true;
      for (const [socket, count] of inFlight) {
        if (count === 0) socket.destroy();
      }
    },
  };
}

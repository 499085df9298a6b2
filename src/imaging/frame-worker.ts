/**
 * The frame worker: decodes and renders frames off the server's thread (a JPEG 2000 slice
 * takes ~0.4 s of CPU, the first one ~2 s with the codec's start-up). One message in, one out.
 */
import { parentPort } from 'node:worker_threads';
import { CacheMiss, FrameError, FrameRenderer, type FrameRequest } from './render-frame.js';

export interface WorkerRequest {
  id: number;
  key: string;
  bytes?: Uint8Array;
  req: FrameRequest;
}

export type WorkerReply = { id: number; png: Uint8Array } | { id: number; miss: true } | { id: number; error: { status: number; key: string; message: string } };

const renderer = new FrameRenderer();

parentPort!.on('message', async (m: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    const png = await renderer.render(m.key, m.bytes, m.req);
    reply = { id: m.id, png };
  } catch (e) {
    if (e instanceof CacheMiss) reply = { id: m.id, miss: true };
    else if (e instanceof FrameError) reply = { id: m.id, error: { status: e.status, key: e.key, message: e.message } };
    else reply = { id: m.id, error: { status: 422, key: 'decode-failed', message: `the image could not be decoded: ${e instanceof Error ? e.message : String(e)}` } };
  }
  parentPort!.postMessage(reply);
});

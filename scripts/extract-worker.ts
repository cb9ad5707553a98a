/** Worker for build-content: ingest + extract a batch of files off the main thread. */
import { parentPort, workerData } from 'node:worker_threads';
import { processFileSafely, type SourceFile } from '../src/pipeline/index.ts';

parentPort?.postMessage((workerData as SourceFile[]).map(processFileSafely));

/** A worker thread of `writeAllStandIns`: writes the stand-ins of its share of the pages. */
import { parentPort, workerData } from 'node:worker_threads';
import { type StandInJob, writeStandIns } from './search-stand-ins.ts';

parentPort!.postMessage(await writeStandIns(workerData as StandInJob));

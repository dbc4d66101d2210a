import type { Output } from '../shared/output.js';
import type { ReceivedDelivery, Rejection } from '../../core/server/index.js';
import { pacedLines } from './lines.js';
import { deliveryJson, deliveryLine, rejectionLine, rejectionObject, verboseBlock } from './render.js';
import { ListenStats } from './stats.js';
import { throttled } from './lines.js';

/**
 * What listen says about each request, on stdout: counted for the summary, written at the pace
 * stdout takes it (see pacedLines). NDJSON holds answers back rather than drop a line.
 */
export function listenReport(out: Output, stdout: NodeJS.WritableStream, o: { verbose?: boolean; now(): number }) {
  const stats = new ListenStats();
  const lines = pacedLines(stdout, out.json);
  const rejections = throttled(
    (r, at) => lines.push(rejectionLine(r, at, out.c)),
    (n) => out.log(out.c.dim(`… ${n} more rejected requests not shown`)),
  );
  return {
    stats,
    /** Undefined when stdout has room for another delivery's line, else resolves when it has (waits only with --json). */
    ready: () => lines.ready(),
    delivery(d: ReceivedDelivery) {
      stats.addDelivery(d);
      if (out.json) lines.push(deliveryJson(d));
      else {
        lines.push(deliveryLine(d, out.c));
        if (o.verbose) lines.push(verboseBlock(d, out.c));
      }
    },
    rejection(r: Rejection) {
      stats.addRejection(r);
      if (out.json) lines.push(JSON.stringify(rejectionObject(r, o.now())));
      else rejections.push(r, o.now());
    },
    /** The run is ending: answers held back for a slow stdout go out, their lines at stdout's pace. */
    release: () => lines.flush(),
    /** Writes what is pending, then says how many lines a slow stdout made us leave out. */
    flush() {
      rejections.flush();
      lines.flush();
      if (lines.dropped) out.warn(`${lines.dropped} result ${lines.dropped === 1 ? 'line was' : 'lines were'} not shown because stdout was not keeping up (every delivery was still captured)`);
    },
  };
}

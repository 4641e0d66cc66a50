import { Counter, Histogram, Registry } from 'prom-client';

type Req = { method: string; baseUrl?: string; route?: { path?: string }; originalUrl?: string };
type Res = { statusCode: number; once(event: 'finish' | 'close', f: () => void): void };

/**
 * Requests and latencies of this process, labelled by the route's pattern (`/api/tasks/:id/complete`), never by the
 * raw URL: ids in paths would make a series per case. Unmatched paths share one label.
 */
export class HttpMetrics {
  private readonly requests: Counter<'method' | 'route' | 'status'>;
  private readonly duration: Histogram<'method' | 'route'>;

  constructor(registry: Registry) {
    this.requests = new Counter({
      name: 'kcbx_http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    });
    this.duration = new Histogram({
      name: 'kcbx_http_request_duration_seconds',
      help: 'HTTP request latency in seconds, by method and route pattern',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
  }

  /** express middleware: measured from arrival to the response's end */
  readonly middleware = (req: Req, res: Res, next: () => void): void => {
    const started = process.hrtime.bigint();
    let seen = false;
    const done = () => {
      if (seen) return;
      seen = true;
      const route = req.route?.path ? `${req.baseUrl ?? ''}${req.route.path}` : 'unmatched';
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      this.requests.inc({ method: req.method, route, status: String(res.statusCode) });
      this.duration.observe({ method: req.method, route }, seconds);
    };
    res.once('finish', done);
    res.once('close', done);
    next();
  };
}

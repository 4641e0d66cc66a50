import * as http from 'http';
import type { AddressInfo } from 'net';
import { SMTPServer } from 'smtp-server';

export interface Received {
  path: string;
  query: URLSearchParams;
  contentType: string;
  body: string;
}

/**
 * A real HTTP server on 127.0.0.1 standing in for 企业微信, 钉钉 and 阿里云短信: it records every request and answers
 * as the real service does (`{"errcode":0}` / `{"Code":"OK"}`), or fails as a path is told to: the next `n`
 * requests (`failNext`) or all of them (`down`).
 */
export class HttpReceiver {
  readonly received: Received[] = [];
  private readonly failures = new Map<string, number>();
  private readonly server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const left = this.failures.get(url.pathname) ?? 0;
      if (left > 0) {
        this.failures.set(url.pathname, left - 1);
        res.writeHead(502, { 'content-type': 'text/plain' }).end('bad gateway');
        return;
      }
      this.received.push({
        path: url.pathname,
        query: url.searchParams,
        contentType: String(req.headers['content-type']),
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const answer = url.pathname === '/sms' ? { Code: 'OK', Message: 'OK', BizId: '1', RequestId: 'r' } : { errcode: 0, errmsg: 'ok' };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  failNext(path: string, n: number) {
    this.failures.set(path, n);
  }

  down(path: string) {
    this.failures.set(path, Number.MAX_SAFE_INTEGER);
  }

  up(path: string) {
    this.failures.delete(path);
  }

  at(path: string) {
    return this.received.filter((r) => r.path === path);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

export interface Mail {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server (the `smtp-server` package) on 127.0.0.1 that keeps every message it accepts. */
export class SmtpReceiver {
  readonly mails: Mail[] = [];
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (stream, session, done) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        this.mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        done();
      });
    },
  });

  async start(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    return (this.server.server.address() as AddressInfo).port;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

import type { CountyChannels } from '../../config/notify-config';
import { ChannelDriver, Delivery } from './channel';

/**
 * E-mail over SMTP (nodemailer): TLS from the start when `secure`, else STARTTLS when the server offers it. nodemailer
 * is loaded on the first e-mail, so a deployment without e-mail never loads it.
 */
export class SmtpEmailChannel implements ChannelDriver {
  async send(d: Delivery, county: CountyChannels, timeoutMs: number): Promise<void> {
    const mail = county.email!;
    if (!d.address) throw new Error('no e-mail address');
    const { createTransport } = await import('nodemailer');
    const transport = createTransport({
      host: mail.host,
      port: mail.port,
      secure: mail.secure,
      auth: mail.user ? { user: mail.user, pass: mail.pass ?? '' } : undefined,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    });
    try {
      await transport.sendMail({ from: mail.from, to: d.address, subject: d.title, text: `${d.message}\n\n—— 控辍保学工作平台` });
    } finally {
      transport.close();
    }
  }
}

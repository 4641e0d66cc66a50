import { errorFromResponse } from './errors';

describe('errorFromResponse', () => {
  it('keeps the API’s code, message (already in the user’s language) and details', async () => {
    const body = {
      statusCode: 429,
      error: 'AUTH_TOO_MANY_ATTEMPTS',
      message: '登录失败次数过多，请 15 分钟后再试',
      details: { retryAfterSeconds: 900 },
    };
    const err = await errorFromResponse(new Response(JSON.stringify(body), { status: 429 }));
    expect(err).toMatchObject({ status: 429, code: 'AUTH_TOO_MANY_ATTEMPTS', message: body.message, details: body.details });
    expect(err.isNetwork).toBe(false);
  });

  it('describes a non-JSON failure (e.g. a proxy error page) by its HTTP status', async () => {
    const err = await errorFromResponse(new Response('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    expect(err).toMatchObject({ status: 502, code: 'HTTP_502', message: 'Bad Gateway' });
  });
});

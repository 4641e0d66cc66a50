import type { apiKeysZh } from './apiKeys';

export const apiKeysEn: Record<keyof typeof apiKeysZh, string> = {
  'apiKeys.title': 'API keys for programs',
  'apiKeys.intro':
    "The county's own programs (e.g. an external worker that checks the 学籍 system) fetch and complete external tasks with a key; a key sees this county's tasks only.",
  'apiKeys.create': 'New key',
  'apiKeys.name': 'Name',
  'apiKeys.namePlaceholder': 'e.g. 学籍 check worker',
  'apiKeys.nameRequired': 'Name the key',
  'apiKeys.prefix': 'Key prefix',
  'apiKeys.createdAt': 'Created',
  'apiKeys.lastUsedAt': 'Last used',
  'apiKeys.never': 'never',
  'apiKeys.state': 'State',
  'apiKeys.active': 'active',
  'apiKeys.revoked': 'revoked',
  'apiKeys.revoke': 'Revoke',
  'apiKeys.revokeConfirm': 'Revoke "{name}"? Programs using it stop getting tasks at once.',
  'apiKeys.revokedDone': 'Revoked "{name}"',
  'apiKeys.createdTitle': 'Key created: copy it now',
  'apiKeys.createdHelp':
    'This is the only time the whole key is shown; only its hash is stored. If it is lost, revoke it and make a new one. Give it to whoever runs the program (X-API-Key header).',
  'apiKeys.copy': 'Copy',
  'apiKeys.copied': 'Copied',
  'apiKeys.empty': 'No keys yet',
};

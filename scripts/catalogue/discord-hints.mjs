// Realistic values for bodies sampled from discord-api-types: snowflake ids as strings (they pass
// 2^53), one application and guild, the interaction token's shape, and ISO timestamps.
import ts from 'typescript';
import { accepts, OMIT } from './ts-sample.mjs';

export const APPLICATION = '1187543928572608553';
const GUILD = '1053291452163686450';
const USER = { id: '396287128329502731', username: 'hookctl', global_name: 'Hookctl', discriminator: '0', avatar: 'c6a3e7b1d2f4a5b6c7d8e9f0a1b2c3d4' };

/** A fresh snowflake per delivery: 19 digits, as text. */
const snowflake = (label) => `1{{int:100000000:999999999#${label}}}{{int:100000000:999999999#${label}2}}`;

const BY_KEY = {
  application_id: APPLICATION,
  guild_id: GUILD,
  channel_id: '1053291453136752732',
  token: 'aW50ZXJhY3Rpb246{{id::64}}',
  app_permissions: '562949953601536',
  permissions: '2251799813685247',
  locale: 'en-US',
  guild_locale: 'en-US',
  timestamp: '{{now:iso}}',
  joined_at: '2024-01-10T09:12:44.126000+00:00',
  name: 'deploy',
  custom_id: 'approve_deploy',
  sku_id: '1180218955160375406',
  username: USER.username,
  global_name: USER.global_name,
  discriminator: '0',
  avatar: USER.avatar,
  nick: null,
  edited_timestamp: null,
  attachment_size_limit: 524288000,
};

export function discordHints() {
  return {
    value(path, type) {
      const key = path.at(-1);
      if (key === 'user' && path.length <= 3 && !accepts(type, ts.TypeFlags.Undefined)) return USER;
      const v = BY_KEY[key];
      if (v === null) return accepts(type, ts.TypeFlags.Null) ? null : OMIT;
      if (v !== undefined && accepts(type, typeof v === 'number' ? ts.TypeFlags.NumberLike : ts.TypeFlags.StringLike)) return v;
      if ((key === 'id' || key.endsWith('_id')) && accepts(type, ts.TypeFlags.StringLike)) return snowflake(path.join('.'));
      return undefined;
    },
    optional: (path) => path.length === 1 && ['guild_id', 'channel_id', 'member', 'guild_locale', 'locale', 'app_permissions', 'entitlements', 'context'].includes(path[0]),
    string: (path) => {
      const key = path.at(-1) ?? 'text';
      if (/(_at|timestamp)$/.test(key)) return '{{now:iso}}';
      if (/url$/.test(key)) return 'https://cdn.discordapp.com/attachments/1053291453136752732/1187551095853633556/deploy.log';
      return `example ${key.replace(/_/g, ' ')}`;
    },
    number: () => 0,
  };
}

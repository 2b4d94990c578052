import { format } from 'winston';
import { isSecretKey, redact, REDACTED } from './redaction';

/** Last step before serialisation, so fields added by earlier formats are covered too. */
export const redactionFormat = format((info) => {
  for (const key of Object.keys(info)) {
    if (key === 'level') continue;
    info[key] = isSecretKey(key) ? REDACTED : redact(info[key]);
  }
  return info;
});
